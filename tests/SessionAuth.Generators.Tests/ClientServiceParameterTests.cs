using SessionAuth.Generators.Emitting;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// A parameter without a binding attribute whose type the app may register as a service: DI answers it when the app
/// registers the type, the JSON body otherwise, which only the running app knows. The client guesses as minimal APIs'
/// readers would — an interface, an abstract class, a framework type JSON has no shape for, a class derived from a
/// framework class (a DbContext) is a service; any other type, with or without properties, is a JSON argument — and names
/// each guess for the runtime to check against the app's services (<c>ClientServicesOrJson()</c>).
/// </summary>
public sealed class ClientServiceParameterTests
{
    [Fact]
    public void Interfaces_abstract_and_framework_derived_classes_are_services_and_any_other_class_is_a_json_argument()
    {
        var (script, declarations) = ClientNamesTests.Client("""
            namespace Shop;

            public interface IClock { System.DateTimeOffset Now { get; } }

            public abstract class Repository { public int Size => 0; }

            public sealed class Catalog : System.Net.Http.HttpClient { public string Name => "catalog"; }

            public sealed class Token(string value) { public string Describe() => value; }

            public sealed record Basket(string Owner, int Items);

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Orders
            {
                [SessionAuth.ServerFunction] public static int Count(string owner, IClock clock, Repository? orders, Catalog catalog, System.TimeProvider time) => owner.Length;

                [SessionAuth.ServerFunction] public static int Fill(Basket basket, Token token) => basket.Items;
            }
            """);

        Assert.Contains("count(owner: string, options?: ServerFunctionCallOptions): Promise<number>;", declarations, StringComparison.Ordinal);
        Assert.Contains("fill(basket: Basket, token: Token, options?: ServerFunctionCallOptions): Promise<number>;", declarations, StringComparison.Ordinal);
        Assert.Contains("interface Token {\n}", declarations.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("Catalog", declarations, StringComparison.Ordinal);
        Assert.DoesNotContain("\"clock\"", script, StringComparison.Ordinal);
        Assert.DoesNotContain("\"catalog\"", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_guess_is_named_for_the_runtime_to_check_against_the_apps_services()
    {
        var run = GeneratorHarness.Run("""
            namespace Shop;

            public interface IClock { System.DateTimeOffset Now { get; } }

            public sealed record Ping();

            [SessionAuth.SessionData]
            public sealed record UserSession(int UserId);

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Inbox
            {
                [SessionAuth.ServerFunction] public static int Post(Ping message, IClock clock) => 1;
            }
            """);
        var generated = run.Sources.Single(static s => s.HintName == TypeScriptClientEmitter.HintName).SourceText.ToString();

        Assert.Contains("global::SessionAuth.Infrastructure.ClientServiceOrJson.Json(typeof(global::Shop.Ping), \"Inbox.post\", \"message\"),", generated, StringComparison.Ordinal);
        Assert.Contains("global::SessionAuth.Infrastructure.ClientServiceOrJson.Service(typeof(global::Shop.IClock), \"Inbox.post\", \"clock\"),", generated, StringComparison.Ordinal);
    }
}
