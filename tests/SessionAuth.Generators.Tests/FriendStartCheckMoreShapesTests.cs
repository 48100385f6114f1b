using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

public sealed class FriendStartCheckMoreShapesTests
{
    private static string Source(string name, string type, string route, string prologue) => $$"""
        {{prologue}}

        namespace {{name}}
        {
            public enum Tier { Basic, Premium }

            public sealed record Line(string DisplayName, string? Note, System.DateOnly ValidFrom, Tier Tier);

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class {{type}}
            {
                [SessionAuth.ServerFunction("/{{route}}/line")] public static Line Get() => new("Standard", null, new System.DateOnly(2026, 1, 1), Tier.Premium);
            }
        }
        """;

    private static string Startup(string ns) => $$"""
        namespace {{ns}}
        {
            public static class Startup
            {
                public static void Map(Microsoft.AspNetCore.Builder.WebApplication app)
                {
                    app.MapServerFunctions();
                    SessionAuth.ServerFunctionClientEndpointRouteBuilderExtensions.MapServerFunctionClient(app);
                }
            }
        }
        """;

    private static readonly byte[] Key = typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.GetName().GetPublicKey()!;

    private static (byte[] Bytes, MetadataReference Image) Build(string name, string source, MetadataReference[] references, LanguageVersion version = LanguageVersion.Latest, bool signed = false)
    {
        var parseOptions = GeneratorHarness.ParseOptions.WithLanguageVersion(version);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        if (signed)
        {
            options = options.WithPublicSign(true).WithCryptoPublicKey([.. Key]);
            source = source.Replace("InternalsVisibleTo(\"Shop.App\")", $"InternalsVisibleTo(\"Shop.App, PublicKey={Convert.ToHexString(Key)}\")", StringComparison.Ordinal)
                .Replace("InternalsVisibleTo(\"Shop.Functions\")", $"InternalsVisibleTo(\"Shop.Functions, PublicKey={Convert.ToHexString(Key)}\")", StringComparison.Ordinal);
        }

        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source, parseOptions, path: "Source.cs")], FrameworkReferences.All.Add(GeneratorHarness.RuntimeReference).AddRange(references), options);
        CSharpGeneratorDriver.Create([new ServerFunctionGenerator().AsSourceGenerator()], parseOptions: parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var problems = diagnostics.Concat(output.GetDiagnostics()).Where(static d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, name + ":\n" + string.Join("\n", problems));
        using var image = new MemoryStream();
        Assert.True(output.Emit(image).Success);
        return (image.ToArray(), MetadataReference.CreateFromImage(image.ToArray()));
    }

    public static TheoryData<string> Shapes() => ["lib C# 9", "app C# 9", "both C# 9", "signed", "alias", "test project", "no own functions", "core C# 9 chain"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Snake_case_fails_the_start_naming_the_librarys_type(string shape)
    {
        var images = Images(shape, out var startup);
        var error = await StartAsync(images, startup, static options => options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        Assert.True(error is not null, shape + ": started");
        Assert.Contains("Shop.Functions.Line:", error.Message, StringComparison.Ordinal);
        var fine = await StartAsync(images, startup, static _ => { });
        Assert.True(fine is null, shape + ": " + fine?.Message);
    }

    private static byte[][] Images(string shape, out string startup)
    {
        startup = "Shop.App.Startup";
        var grant = "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Shop.App\")]";
        var libVersion = shape is "lib C# 9" or "both C# 9" ? LanguageVersion.CSharp9 : LanguageVersion.Latest;
        var appVersion = shape is "app C# 9" or "both C# 9" ? LanguageVersion.CSharp9 : LanguageVersion.Latest;
        var signed = shape == "signed";
        if (shape == "core C# 9 chain")
        {
            var core = Build("Shop.Core", Source("Shop.Core", "Prices", "prices", "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Shop.Functions\")]"), [], LanguageVersion.CSharp9);
            var mid = Build("Shop.Functions", Source("Shop.Functions", "Orders", "orders", grant), [core.Image], LanguageVersion.CSharp9);
            var top = Build("Shop.App", Source("Shop.App", "Carts", "carts", string.Empty) + Startup("Shop.App"), [core.Image, mid.Image]);
            return [core.Bytes, mid.Bytes, top.Bytes];
        }

        var functions = Build("Shop.Functions", Source("Shop.Functions", "Orders", "orders", shape == "test project" ? "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Shop.App\")]" : grant), [], libVersion, signed);
        if (shape == "test project")
        {
            var appOnly = Build("Shop.App", Source("Shop.App", "Carts", "carts", "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Shop.App.Tests\")]") + Startup("Shop.App"), [functions.Image]);
            var tests = Build("Shop.App.Tests", Startup("Shop.App.Tests"), [functions.Image, appOnly.Image]);
            startup = "Shop.App.Tests.Startup";
            return [functions.Bytes, appOnly.Bytes, tests.Bytes];
        }

        var appStartup = appVersion == LanguageVersion.CSharp9 ? Startup("Shop.App").Replace("    public static class Startup", "    using SessionAuth;\n    public static class Startup", StringComparison.Ordinal) : Startup("Shop.App");
        var appSource = shape == "no own functions" ? appStartup : Source("Shop.App", "Carts", "carts", string.Empty) + appStartup;
        if (shape == "alias")
        {
            appSource = "extern alias Lib;\n" + appSource;
        }

        var app = Build("Shop.App", appSource, [shape == "alias" ? functions.Image.WithAliases(["Lib"]) : functions.Image], appVersion, signed);
        return [functions.Bytes, app.Bytes];
    }

    private static Task<Exception?> StartAsync(byte[][] images, string startup, Action<JsonSerializerOptions> json) =>
        FriendAssemblyCompiler.StartAsync(images, startup, (services, _) => services.ConfigureHttpJsonOptions(options => json(options.SerializerOptions)));
}
