namespace SessionAuth.Generators.Tests;

/// <summary>
/// A parameter without a binding attribute whose type the app may register as a service: DI answers it when the app
/// registers the type, which only the running app knows, so the client takes for a service what could not usefully be
/// JSON — an interface, an abstract class, or a class JSON writes no property of (a database, a clock) — and leaves it out
/// of the arguments; a type with properties stays a JSON argument.
/// </summary>
public sealed class ClientServiceParameterTests
{
    [Fact]
    public void A_class_json_writes_no_property_of_is_a_service_and_no_argument_or_type_of_the_client()
    {
        var (script, declarations) = ClientNamesTests.Client("""
            namespace Shop;

            public sealed class ShopDb(string connectionString)
            {
                public string Describe() => connectionString;
            }

            public sealed record Basket(string Owner, int Items);

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Orders
            {
                [SessionAuth.ServerFunction] public static int Count(string owner, ShopDb db, ShopDb? spare) => db.Describe().Length;

                [SessionAuth.ServerFunction] public static int Fill(Basket basket, ShopDb db) => basket.Items;
            }
            """);

        Assert.Contains("count(owner: string): Promise<number>;", declarations, StringComparison.Ordinal);
        Assert.Contains("fill(basket: Basket): Promise<number>;", declarations, StringComparison.Ordinal);
        Assert.Contains("interface Basket", declarations, StringComparison.Ordinal);
        Assert.DoesNotContain("ShopDb", declarations, StringComparison.Ordinal);
        Assert.DoesNotContain("ShopDb", script, StringComparison.Ordinal);
        Assert.DoesNotContain("\"db\"", script, StringComparison.Ordinal);
    }
}
