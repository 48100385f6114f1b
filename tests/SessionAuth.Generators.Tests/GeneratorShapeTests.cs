using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Shapes of user code that collide with what the generator writes (file and type names, namespaces, keywords, case)
/// or that generated code could not reach or call without a warning. For each: the generator does not throw, the
/// user's code and the generated code compile together with no diagnostic inside a generated file, and every
/// <c>[ServerFunction]</c> is either mapped or refused with SAUTH0003 naming it, with the expected reason.
/// </summary>
public sealed class GeneratorShapeTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics.CodeAnalysis;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Http;
        using SessionAuth;

        """;

    /// <summary>One shape: its source, and the functions the analyzer must refuse (name as SAUTH0003 gives it, and a part of the reason); all others must be mapped.</summary>
    public static TheoryData<string, string, string[]> Shapes => new()
    {
        // Names.
        {
            "global types named like the generator's files", """
            public static class Map { [ServerFunction] public static int Count() => 1; }
            public static class Endpoints { [ServerFunction] public static int Count() => 2; }
            public static class map2 { [ServerFunction] public static int Count() => 3; }
            """, []
        },
        {
            "types whose names differ only in case", """
            namespace Shop { public static class Orders { [ServerFunction("/a")] public static int Count() => 1; } }
            namespace Shop { public static class orders { [ServerFunction("/b")] public static int Count() => 2; } }
            namespace shop { public static class Orders { [ServerFunction("/c")] public static int Count() => 3; } }
            """, []
        },
        {
            "user types named like the types generated code uses, in the user's namespace", """
            namespace Shop
            {
                public sealed class SessionAuth { }
                public sealed class System { }
                public sealed class Microsoft { }
                public sealed class Task { }
                public sealed class HttpContext { }
                public sealed class Results { }
                public sealed class Func { }
                public sealed class Action { }
                public sealed class IServiceProvider { }
                public sealed class Generated { }
                public sealed class ServerFunctionEndpoints { }
                public sealed class T1 { }
                public sealed class TResult { }

                public static class Orders
                {
                    [ServerFunction] public static T1 Find(int id, T1? other, global::System.Threading.CancellationToken cancellationToken) => new();
                    [ServerFunction] public static global::System.Threading.Tasks.Task<TResult> Later() => global::System.Threading.Tasks.Task.FromResult(new TResult());
                    [ServerFunction] public static void Map(global::Microsoft.AspNetCore.Http.HttpContext context) { }
                }
            }
            """, []
        },
        {
            "namespaces named like the ones generated code uses", """
            namespace Shop.System { public static class Orders { [ServerFunction("/a")] public static int Count(int id = 2) => 1; } }
            namespace Shop.Microsoft.AspNetCore { public static class Orders { [ServerFunction("/b")] public static int Count() => 1; } }
            namespace Shop.SessionAuth.Generated { public static class ServerFunctionEndpoints { [ServerFunction] public static int Count() => 1; } }
            namespace SessionAuth.Generated { public static class Orders { [ServerFunction] public static int Count() => 1; } }
            """, []
        },
        {
            "global types named like framework types", """
            public sealed class Task { }
            public sealed class HttpContext { }
            public sealed class Func<T> { }
            public static class Orders { [ServerFunction] public static Task Find() => new(); }
            """, []
        },
        {
            "keywords as names", """
            namespace Shop.@event
            {
                public enum @enum { @class, @int }
                public static class @class
                {
                    [ServerFunction(Method = "GET")] public static int @event(int @int, string @string, @enum @enum = @enum.@int) => @int;
                }
                public sealed class @object
                {
                    [ServerFunction] public string @return(string @this, int @params) => @this;
                }
                [SessionData] public sealed record @record(int Id);
            }
            """, []
        },
        {
            "same names in different namespaces and nestings", """
            namespace A { public static class Orders { [ServerFunction("/a")] public static int Count() => 1; public static class Inner { [ServerFunction("/ai")] public static int Count() => 1; } } }
            namespace B { public static class Orders { [ServerFunction("/b")] public static int Count() => 1; public static class Inner { [ServerFunction("/bi")] public static int Count() => 1; } } }
            namespace A.Orders2 { public static class Inner { [ServerFunction("/c")] public static int Count() => 1; } }
            namespace A { public static class Orders2_Inner { [ServerFunction("/d")] public static int Count() => 1; } }
            namespace C { public static class A { public static class Orders2 { public static class Inner { [ServerFunction("/e")] public static int Count() => 1; } } } }
            """, []
        },
        {
            "a type named like a shape method", """
            public static class Public_ReturnsNothing { [ServerFunction] public static void Go() { } }
            """, []
        },
        {
            "session data types whose names join alike or differ in case", """
            namespace Shop { [SessionData] public sealed record Data(int Id); }
            namespace shop { [SessionData] public sealed record Data(int Id); }
            namespace Shop.Outer_Inner { [SessionData] public sealed record Data(int Id); }
            namespace Shop { public static class Outer { [SessionData] public sealed record Inner_Data(int Id); } }
            namespace Shop.@class { [SessionData] public sealed record @record(int Id); }
            namespace Shop { public static class Uses { [ServerFunction, RequireSession] public static int Id(Data data) => data.Id; } }
            """, []
        },
        {
            "C# 14 extension blocks", """
            public sealed class Order { public int Id { get; set; } }
            public static class OrderExtensions
            {
                extension(Order order)
                {
                    [ServerFunction] public int Twice() => order.Id * 2;
                }

                extension(Order)
                {
                    [ServerFunction] public static int Count() => 1;
                }
            }
            """, ["OrderExtensions.Twice:an instance member of the extension block"]
        },

        // Reachability.
        {
            "file-local types", """
            file static class Hidden { [ServerFunction] public static int Count() => 1; }
            """, ["Hidden.Count:file-local type Hidden"]
        },
        {
            "ref structs", """
            public ref struct Buffer
            {
                [ServerFunction("/static")] public static int Count() => 1;
                [ServerFunction("/instance")] public int Size() => 1;
            }
            public static class Spans
            {
                [ServerFunction] public static int Sum(params Span<int> values) => values.Length;
                [ServerFunction] public static int Scoped(scoped ReadOnlySpan<char> text) => text.Length;
            }
            """, ["Buffer.Size:ref struct Buffer", "Spans.Sum:ref struct", "Spans.Scoped:ref struct"]
        },
        {
            "interface members", """
            public interface ICounter
            {
                [ServerFunction("/abstract")] static abstract int Abstract();
                [ServerFunction("/virtual")] static virtual int Virtual() => 1;
                [ServerFunction("/static")] static int Plain() => 1;
                [ServerFunction("/instance")] int Instance() => 1;
            }
            public interface IPlain
            {
                [ServerFunction("/plain-static")] static int Plain() => 1;
                [ServerFunction("/plain-instance")] int Instance() => 1;
            }
            """, ["ICounter.Abstract:static abstract or virtual", "ICounter.Virtual:static abstract or virtual", "ICounter.Instance:static abstract members"]
        },
        {
            "accessibility", """
            public class Orders
            {
                [ServerFunction("/private")] private static int Private() => 1;
                [ServerFunction("/protected")] protected static int Protected() => 1;
                [ServerFunction("/private-protected")] private protected static int PrivateProtected() => 1;
                [ServerFunction("/protected-internal")] protected internal static int ProtectedInternal() => 1;
                private static class Nested { [ServerFunction("/nested")] public static int Count() => 1; }
                protected class Shielded { }
            }
            public class Derived : Orders
            {
                [ServerFunction("/shielded")] private protected static int Take(Shielded shielded) => 1;
            }
            """, ["Orders.Private:cannot reach", "Orders.Protected:cannot reach", "Orders.PrivateProtected:cannot reach", "Orders.Nested.Count:cannot reach", "Derived.Take:cannot reach"]
        },
        {
            "pointers, references and generics", """
            public static unsafe class Low
            {
                [ServerFunction] public static int Pointers(int*[] values) => 1;
                [ServerFunction] public static int Callback(delegate*<int> callback) => 1;
                [ServerFunction] public static int In(in int value) => value;
                [ServerFunction] public static int ReadOnlyRef(ref readonly int value) => value;
                [ServerFunction] public static void Out(out int value) => value = 1;
                [ServerFunction] public static ref int Ref() => ref Field;
                [ServerFunction] public static T Generic<T>() => default!;
                [ServerFunction] public static int Many(params int[] values) => values.Length;
                private static int Field;
            }
            public static class Open<T> { [ServerFunction] public static int Count() => 1; }
            """, ["Low.Pointers:pointer", "Low.Callback:pointer", "Low.In:by reference", "Low.ReadOnlyRef:by reference", "Low.Out:by reference", "Low.Ref:returns by reference", "Low.Generic:generic", "Open<T>.Count:generic type"]
        },
        {
            "obsolete and experimental", """
            [Obsolete("use Orders2")] public sealed class OldOrder { public int Id { get; set; } }
            public enum Kind { New, [Obsolete] Old }
            [Obsolete] public static class OldOrders { [ServerFunction("/old")] public static int Count() => 1; }
            public static class Orders
            {
                [ServerFunction("/obsolete"), Obsolete] public static int Obsolete() => 1;
                [ServerFunction("/obsolete-message"), Obsolete("gone soon")] public static int ObsoleteWithMessage(OldOrder order) => order.Id;
                [ServerFunction("/obsolete-default", Method = "GET")] public static int Defaulted(Kind kind = Kind.Old) => 1;
                [ServerFunction("/error"), Obsolete("gone", error: true)] public static int Gone() => 1;
                [ServerFunction("/experimental"), Experimental("SHOP001")] public static int Experimental() => 1;
            }
            """, ["Orders.Gone:[Obsolete] as an error"]
        },

        // Nullability.
        {
            "nullable-oblivious code", """
            #nullable disable
            public sealed record Dto(string Name, List<string> Tags);
            public static class Oblivious
            {
                [ServerFunction] public static string Echo(string text, Dto dto, List<string> list) => text;
                [ServerFunction(Method = "GET")] public static Dto Find(string name, int? page) => null;
                [ServerFunction] public static Task<List<Dto>> All() => Task.FromResult<List<Dto>>(null);
            }
            public sealed class ObliviousService
            {
                [ServerFunction] public string Echo(string text, Dto dto) => text;
            }
            #nullable restore
            """, []
        },
        {
            "nullable annotations and attributes", """
            public sealed record Dto(string? Name, List<string?> Tags);
            public static class Annotated
            {
                [ServerFunction] public static string? Echo(string? text, Dto? dto, List<string?> list, Dictionary<string, int?> counts) => text;
                [ServerFunction] public static Task<Dto?> Find(int? id, Guid? after = null, string? sort = "name") => Task.FromResult<Dto?>(null);
                [ServerFunction] public static ValueTask<List<Dto?>?> All([DisallowNull] string? key, [AllowNull] string name) => default;
                [ServerFunction]
                [return: MaybeNull]
                public static string Maybe() => null!;
            }
            public sealed class AnnotatedService
            {
                [ServerFunction] public string? Echo(string? text, [DisallowNull] string? key, [AllowNull] string name, Dto? dto) => text;
            }
            """, []
        },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task The_generator_maps_or_refuses_every_function_and_its_code_compiles_cleanly(string shape, string source, string[] refused)
    {
        var compilation = GeneratorHarness.CreateCompilation(Usings + source);
        var userErrors = compilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(userErrors.Count == 0, $"{shape}: the user code itself does not compile: {string.Join("; ", userErrors)}");

        GeneratorDriver driver = GeneratorHarness.CreateDriver();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.True(result.Exception is null, $"{shape}: the generator threw {result.Exception}");
        Assert.Empty(generatorDiagnostics);

        var generatedTrees = output.SyntaxTrees.Except(compilation.SyntaxTrees).ToHashSet();
        var inGenerated = output.GetDiagnostics()
            .Where(d => d.Location.SourceTree is { } tree && generatedTrees.Contains(tree))
            .Select(d => $"{d.Id} {d.GetMessage(CultureInfo.InvariantCulture)} in {d.Location.SourceTree!.FilePath}:{d.Location.GetLineSpan().StartLinePosition}")
            .ToList();
        Assert.True(inGenerated.Count == 0, $"{shape}: diagnostics in generated code:\n{string.Join("\n", inGenerated)}");

        var analyzer = new ServerFunctionAnalyzer();
        var diagnostics = await output.WithAnalyzers([analyzer]).GetAnalyzerDiagnosticsAsync();
        var cannotBuild = diagnostics.Where(static d => d.Id == DiagnosticIds.ServerFunctionCannotBeBuilt).ToList();
        var expectedRefusals = refused.Select(static r => r.Split(':', 2)).ToDictionary(static r => r[0], static r => r[1]);
        Assert.True(
            expectedRefusals.Keys.Order(StringComparer.Ordinal).SequenceEqual(cannotBuild.Select(Named).Order(StringComparer.Ordinal)),
            $"{shape}: refused {string.Join(", ", cannotBuild.Select(static d => d.GetMessage(CultureInfo.InvariantCulture)))}");
        foreach (var diagnostic in cannotBuild)
        {
            Assert.Contains(expectedRefusals[Named(diagnostic)], diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        // Each mapped function passes its metadata name as the first argument of its ServerFunctionMetadata.
        var generated = string.Concat(result.GeneratedSources.Select(static s => s.SourceText.ToString()));
        foreach (var group in ServerFunctions(compilation).GroupBy(MetadataName))
        {
            var expectedMapped = group.Count(function => !expectedRefusals.ContainsKey(FunctionNames.Of(function)));
            var literal = SymbolDisplay.FormatLiteral(group.Key, quote: true) + ",";
            var mapped = (generated.Length - generated.Replace(literal, string.Empty, StringComparison.Ordinal).Length) / literal.Length;
            Assert.True(mapped == expectedMapped, $"{shape}: {group.Key} is mapped {mapped} times, expected {expectedMapped}");
        }
    }

    [Fact]
    public void A_user_type_named_like_the_generated_class_leaves_it_the_first_free_name_and_the_build_clean()
    {
        var compilation = GeneratorHarness.CreateCompilation(Usings + """
            namespace SessionAuth.Generated { public static class ServerFunctionEndpoints { } }
            namespace SessionAuth.Generated { internal sealed class ServerFunctionEndpoints2 { } }
            public static class Orders { [ServerFunction, AllowAnonymous] public static int Count() => 1; }
            """);
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        // A collision is reported at the user's declaration (CS0260, CS0101), outside the generated files.
        var errors = output.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var map = output.SyntaxTrees.Single(static t => t.FilePath.EndsWith("ServerFunctions.Map.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("global::SessionAuth.Generated.ServerFunctionEndpoints3.MapOrders(group, services);", map, StringComparison.Ordinal);
    }

    /// <summary>The function's name in SAUTH0003's message: its first argument, the text up to " cannot be generated".</summary>
    private static string Named(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        const string Prefix = "Server function ";
        return message.Substring(Prefix.Length, message.IndexOf(" cannot be generated", StringComparison.Ordinal) - Prefix.Length);
    }

    /// <summary>The name the generated metadata gives a function: its type path and method name (an extension block, which has no name, left out).</summary>
    private static string MetadataName(IMethodSymbol method)
    {
        var names = new Stack<string>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (!type.IsExtension)
            {
                names.Push(type.Name);
            }
        }

        return string.Join(".", names) + "." + method.Name;
    }

    private static IEnumerable<IMethodSymbol> ServerFunctions(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is { } method
                    && method.GetAttributes().Any(static a => a.AttributeClass?.Name == nameof(ServerFunctionAttribute)))
                {
                    yield return method;
                }
            }
        }
    }
}
