using Microsoft.CodeAnalysis;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Declaring types (and namespaces) whose names are escaped keywords, contextual keywords, non-ASCII letters, combining
/// marks, formatting characters or names shared with a generic type: each builds, with no exception from the generator
/// (CS8785, an invalid hint name) and nothing to warn of in what it wrote, and each function is mapped.
/// </summary>
public sealed class AwkwardTypeNameTests
{
    public static TheoryData<string, string> Declarations => new()
    {
        { "namespace Shop { public static class @readonly { [SessionAuth.ServerFunction(\"/a\")] public static int Count() => 1; } }", "Count" },
        { "namespace Shop { public static class @class { [SessionAuth.ServerFunction(\"/a\")] public static int Count() => 1; } }", "Count" },
        { "namespace Shop.@event { public static class @static { [SessionAuth.ServerFunction(\"/a\")] public static int Count() => 1; } }", "Count" },
        { "namespace Shop { public static class @record { [SessionAuth.ServerFunction(\"/a\")] public static int Count() => 1; } }", "Count" },
        { "namespace Shop { public static class async { [SessionAuth.ServerFunction(\"/a\")] public static int Count() => 1; } }", "Count" },
        { "namespace Shop { public static class Outer { public static class @in { [SessionAuth.ServerFunction(\"/a\")] public static int Count() => 1; } } }", "Count" },
        { "namespace Shop { public static class Straße { [SessionAuth.ServerFunction(\"/a\")] public static int Count() => 1; } }", "Count" },
        { "namespace Shop.日本 { public static class 注文 { [SessionAuth.ServerFunction(\"/a\")] public static int Count() => 1; } }", "Count" },
        { "namespace Shop { public static class \\u0041bc { [SessionAuth.ServerFunction(\"/a\")] public static int Count() => 1; } }", "Count" },
        { "namespace Shop { public static class Cafe\u0301 { [SessionAuth.ServerFunction(\"/a\")] public static int Count() => 1; } }", "Count" },
        { "namespace Shop { public static class Or\u00ADders { [SessionAuth.ServerFunction(\"/a\")] public static int Count() => 1; } }", "Count" },
        { "namespace Shop { public static class Ⅻ { [SessionAuth.ServerFunction(\"/a\")] public static int Count() => 1; } }", "Count" },
        { "namespace Shop { public static class Orders { [SessionAuth.ServerFunction(\"/a\")] public static int Count() => 1; } public static class Orders<T> { public static int Other() => 2; } }", "Count" },
        { "namespace Shop { public static class Orders { [SessionAuth.ServerFunction(\"/a\")] public static int Count() => 1; } public static class ORDERS { [SessionAuth.ServerFunction(\"/b\")] public static int Total() => 1; } }", "Total" },
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public void A_type_with_an_awkward_name_builds_and_its_function_is_mapped(string source, string function)
    {
        var compilation = GeneratorHarness.CreateCompilation(source.Replace("public static class", "[Microsoft.AspNetCore.Authorization.AllowAnonymous] public static class", StringComparison.Ordinal));
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        var problems = generatorDiagnostics.Concat(output.GetDiagnostics())
            .Where(static d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(static d => $"{d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} at {d.Location.SourceTree?.FilePath}")
            .ToList();

        Assert.Null(result.Exception);
        Assert.True(problems.Count == 0, "The project does not build cleanly:\n" + string.Join("\n", problems));
        Assert.Contains(result.GeneratedSources, s => s.HintName.StartsWith("ServerFunctions.", StringComparison.Ordinal) && s.SourceText.ToString().Contains("." + function + "(", StringComparison.Ordinal));
    }

    /// <summary>
    /// Code as it is being typed: <c>public static class readonly</c> (a keyword where the name goes) puts the method in
    /// a type named <c>&lt;invalid-global-code&gt;</c>, and a class with no name yet, or an empty namespace name, give
    /// empty names. The generator must not throw on them (an invalid hint name is CS8785, and every generated file of the
    /// project is gone while the user types): the compiler's own errors are all the project should show.
    /// </summary>
    [Theory]
    [InlineData("namespace Shop { public static class readonly { [SessionAuth.ServerFunction(\"/a\")] public static int Count() => 1; } }")]
    [InlineData("namespace Shop { public static class class { [SessionAuth.ServerFunction(\"/a\")] public static int Count() => 1; } }")]
    [InlineData("namespace Shop { public static class { [SessionAuth.ServerFunction(\"/a\")] public static int Count() => 1; } }")]
    [InlineData("namespace { public static class Orders { [SessionAuth.ServerFunction(\"/a\")] public static int Count() => 1; } }")]
    [InlineData("namespace Shop.readonly { public static class Orders { [SessionAuth.ServerFunction(\"/a\")] public static int Count() => 1; } }")]
    [InlineData("namespace Shop { [SessionAuth.SessionData] public sealed record readonly(int Count); }")]
    [InlineData("namespace Shop { [SessionAuth.SessionData] public sealed record (int Count); }")]
    public void Code_that_does_not_parse_yet_never_fails_the_generator(string source)
    {
        var compilation = GeneratorHarness.CreateCompilation(source);
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();

        Assert.True(result.Exception is null, "The generator failed: " + result.Exception);
        Assert.DoesNotContain(generatorDiagnostics.Concat(output.GetDiagnostics()), static d => d.Id == "CS8785");
        Assert.All(result.GeneratedSources, static s => Assert.Matches(@"^[\p{L}\p{Nd}_.]+$", s.HintName));
    }
}
