using System.Collections.Immutable;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SessionAuth.Generators.Analyzers;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Every C# block of README.md compiles, or matches what the generator writes. The comment on the line before a block
/// says how it is checked, and a block without one fails, so the README cannot grow an unchecked block:
/// <list type="bullet">
/// <item><c>&lt;!-- compile: program --&gt;</c>: the whole Program.cs of a web project (the Web SDK's implicit usings).</item>
/// <item><c>&lt;!-- compile: fragment in builder --&gt;</c>: statements placed between
/// <c>var builder = WebApplication.CreateBuilder(args);</c> and <c>builder.Build()</c>, in such a program that declares
/// <c>[SessionData] UserSession</c> and imports SessionAuth.</item>
/// <item><c>&lt;!-- compile: generated in NAME --&gt;</c>: generated code, shown without <c>global::</c> and without
/// the namespaces of .NET and SessionAuth; it must appear in the approved snapshot <c>Snapshots/NAME.approved.cs</c>,
/// whitespace aside.</item>
/// <item><c>&lt;!-- compile: skip because REASON --&gt;</c>: not checked, for the reason given.</item>
/// </list>
/// Blocks compile with the generator and every SessionAuth analyzer running, and any warning fails them.
/// </summary>
public sealed class ReadmeTests
{
    private static readonly Lazy<IReadOnlyList<ReadmeBlock>> ReadmeBlocks =
        new(() => ReadmeBlock.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"))));

    public static TheoryData<int> BlockLines()
    {
        var lines = new TheoryData<int>();
        foreach (var block in ReadmeBlocks.Value)
        {
            lines.Add(block.Line);
        }

        return lines;
    }

    [Theory]
    [MemberData(nameof(BlockLines))]
    public void The_csharp_block_at_this_README_line_is_checked_and_passes(int line)
    {
        var block = ReadmeBlocks.Value.Single(b => b.Line == line);
        var problems = ReadmeChecker.Check(block, ReadSnapshot);
        Assert.True(problems.Count == 0, $"README.md line {line}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void A_block_without_a_marker_fails()
    {
        var block = Assert.Single(ReadmeBlock.Parse("Text.\n\n```csharp\nvar x = 1;\n```\n"));
        Assert.Contains(ReadmeChecker.Check(block, ReadSnapshot), p => p.Contains("no <!-- compile: ... --> marker", StringComparison.Ordinal));
    }

    [Fact]
    public void A_program_that_uses_an_undeclared_type_fails()
    {
        var block = Assert.Single(ReadmeBlock.Parse("<!-- compile: program -->\n```csharp\nvar house = House.Gryffindor;\n```\n"));
        Assert.Contains(ReadmeChecker.Check(block, ReadSnapshot), p => p.StartsWith("CS0103", StringComparison.Ordinal));
    }

    [Fact]
    public void A_warning_from_a_SessionAuth_analyzer_fails()
    {
        var block = Assert.Single(ReadmeBlock.Parse("""
            <!-- compile: program -->
            ```csharp
            var app = WebApplication.CreateBuilder(args).Build();
            app.Run();

            [SessionAuth.SessionData] public sealed record UserSession(int UserId, string Name);

            public static class Orders
            {
                [SessionAuth.ServerFunction]
                public static int Count() => 1;
            }
            ```
            """));
        Assert.Contains(ReadmeChecker.Check(block, ReadSnapshot), p => p.StartsWith("SAUTH0001", StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_code_that_the_snapshot_does_not_contain_fails()
    {
        var block = Assert.Single(ReadmeBlock.Parse("<!-- compile: generated in The_README_example -->\n```csharp\nServerFunctionSteps.RefuseCrossSite,\n```\n"));
        Assert.Contains(ReadmeChecker.Check(block, ReadSnapshot), p => p.Contains("not in Snapshots/The_README_example.approved.cs", StringComparison.Ordinal));
    }

    private static string? ReadSnapshot(string name)
    {
        var path = Path.Combine(RepositoryRoot.Path, "tests", "SessionAuth.Generators.Tests", "Snapshots", name + ".approved.cs");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}

/// <summary>One fenced C# block of a Markdown file: the line its code starts on, its marker (if any) and its code.</summary>
internal sealed record ReadmeBlock(int Line, string? Marker, string Code)
{
    private static readonly Regex MarkerComment = new(@"^<!--\s*compile:\s*(?<marker>.+?)\s*-->$", RegexOptions.CultureInvariant);

    public static IReadOnlyList<ReadmeBlock> Parse(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<ReadmeBlock>();
        string? previous = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                previous = line.Length > 0 ? line : previous;
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            end = end < 0 ? lines.Length : end;
            if (line[3..].Trim().ToUpperInvariant() is "CSHARP" or "CS" or "C#")
            {
                var marker = previous is null ? null : MarkerComment.Match(previous) is { Success: true } match ? match.Groups["marker"].Value : null;
                blocks.Add(new ReadmeBlock(i + 2, marker, string.Join("\n", lines[(i + 1)..end])));
            }

            i = end;
            previous = null;
        }

        return blocks;
    }
}

/// <summary>Checks one README block the way its marker says; returns what is wrong, one line each.</summary>
internal static class ReadmeChecker
{

    private const string BuilderContext = """
        using SessionAuth;

        var builder = WebApplication.CreateBuilder(args);
        #line 1 "README.md block"
        {0}
        #line default
        var app = builder.Build();
        app.Run();

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """;

    private static readonly Regex GlobalName = new(@"global::(?<name>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)", RegexOptions.CultureInvariant);
    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.CultureInvariant);

    private static readonly ImmutableArray<MetadataReference> References = FrameworkReferences.All
        .Add(GeneratorHarness.RuntimeReference)
        .Add(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.StackExchangeRedisCacheServiceCollectionExtensions).Assembly.Location))
        .Add(MetadataReference.CreateFromFile(typeof(StackExchange.Redis.ConfigurationOptions).Assembly.Location))
        .Add(MetadataReference.CreateFromFile(typeof(Microsoft.AspNetCore.OpenApi.OpenApiOptions).Assembly.Location))
        .Add(MetadataReference.CreateFromFile(typeof(Microsoft.OpenApi.OpenApiDocument).Assembly.Location));

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(SessionAuthAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>A compilation of .NET and SessionAuth alone, to tell their namespaces from the app's in generated names.</summary>
    private static readonly Lazy<CSharpCompilation> ReferencesOnly = new(() => CSharpCompilation.Create("References", references: References));

    public static List<string> Check(ReadmeBlock block, Func<string, string?> readSnapshot)
    {
        var marker = block.Marker;
        if (marker is null)
        {
            return ["the block has no <!-- compile: ... --> marker on the line before it: say whether it is a program, a fragment in a named context, generated code, or skipped and why (see ReadmeTests)"];
        }

        if (marker == "program")
        {
            return Compile(block.Code);
        }

        if (marker == "fragment in builder")
        {
            return Compile(BuilderContext.Replace("{0}", block.Code, StringComparison.Ordinal));
        }

        if (marker.StartsWith("generated in ", StringComparison.Ordinal))
        {
            var name = marker["generated in ".Length..];
            return readSnapshot(name) is { } snapshot
                ? Squeeze(Unqualify(snapshot)).Contains(Squeeze(block.Code), StringComparison.Ordinal) ? [] : [$"the block is not in Snapshots/{name}.approved.cs (compared without global::, .NET and SessionAuth namespaces, or whitespace)"]
                : [$"there is no snapshot Snapshots/{name}.approved.cs"];
        }

        if (marker.StartsWith("skip because ", StringComparison.Ordinal) && marker.Length > "skip because ".Length)
        {
            return [];
        }

        return [$"unknown marker '{marker}': use program, fragment in builder, generated in NAME, or skip because REASON"];
    }

    private static List<string> Compile(string program)
    {
        var compilation = CSharpCompilation.Create(
            "Readme",
            [
                CSharpSyntaxTree.ParseText(WebSdkUsings.GlobalUsings, GeneratorHarness.ParseOptions, path: "GlobalUsings.g.cs"),
                CSharpSyntaxTree.ParseText(program, GeneratorHarness.ParseOptions, path: "Program.cs"),
            ],
            References,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var diagnostics = output.WithAnalyzers(Analyzers).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        return generatorDiagnostics.Concat(diagnostics)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)
            .Select(d => $"{d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} at {d.Location.GetMappedLineSpan().Path}:{d.Location.GetMappedLineSpan().StartLinePosition.Line + 1}")
            .ToList();
    }

    /// <summary>Drops <c>global::</c>, and the namespace of a name that .NET or SessionAuth declares (the app's own stay).</summary>
    private static string Unqualify(string code) => GlobalName.Replace(code, match =>
    {
        var parts = match.Groups["name"].Value.Split('.');
        INamespaceSymbol current = ReferencesOnly.Value.GlobalNamespace;
        var namespaceParts = 0;
        while (namespaceParts < parts.Length - 1 && current.GetNamespaceMembers().FirstOrDefault(n => n.Name == parts[namespaceParts]) is { } next)
        {
            current = next;
            namespaceParts++;
        }

        return string.Join(".", parts[namespaceParts..]);
    });

    private static string Squeeze(string code) => Whitespace.Replace(code, string.Empty);
}
