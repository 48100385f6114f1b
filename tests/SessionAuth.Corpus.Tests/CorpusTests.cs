using System.Collections.Concurrent;
using Xunit.Abstractions;

namespace SessionAuth.Corpus.Tests;

/// <summary>
/// Every shape of <see cref="Corpus"/> compiled with the generator and the analyzers: no generator exception, no
/// diagnostic in generated code, every server function mapped or refused by a SAUTH error that names it.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    /// <summary>Renamable shapes share a compilation this many at a time; a batch with any problem is checked shape by shape.</summary>
    private const int BatchSize = 40;

    [Fact]
    public void The_corpus_has_at_least_300_shapes_with_unique_ids()
    {
        Assert.True(Corpus.All.Count >= 300, $"the corpus has {Corpus.All.Count} shapes");
        var duplicates = Corpus.All.GroupBy(s => s.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "duplicate ids: " + string.Join(", ", duplicates));
        var unknown = KnownFailures.Shapes.Keys.Where(id => Corpus.All.All(s => s.Id != id)).ToList();
        Assert.True(unknown.Count == 0, "KnownFailures lists shapes the corpus does not have: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Every_shape_is_mapped_or_refused_by_name_and_generated_code_is_clean()
    {
        var verdicts = CheckAll(Corpus.All, out var functions);
        var unexpected = new List<string>();
        var nowPassing = new List<string>();
        foreach (var shape in Corpus.All)
        {
            var problems = verdicts[shape.Id];
            var known = KnownFailures.Shapes.ContainsKey(shape.Id);
            if (problems.Count > 0 && !known)
            {
                unexpected.Add($"{shape.Id}\n    {shape.Source.ReplaceLineEndings("\n    ")}\n  - {string.Join("\n  - ", problems)}");
            }
            else if (problems.Count == 0 && known)
            {
                nowPassing.Add(shape.Id);
            }
        }

        output.WriteLine($"{Corpus.All.Count} shapes: {functions.Count(f => f.Mapped)} server functions mapped, {functions.Count(f => !f.Mapped)} refused; {KnownFailures.Shapes.Count} known failures.");
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} shapes fail (not in KnownFailures):\n" + string.Join("\n", unexpected));
        Assert.True(nowPassing.Count == 0, "these shapes now hold; remove them from KnownFailures:\n" + string.Join("\n", nowPassing));
    }

    /// <summary>
    /// Parameters a minimal API binds on the verb, which must be mapped: <c>Uri</c> is text to minimal APIs
    /// (<c>Uri.TryCreate(text, UriKind.RelativeOrAbsolute)</c>) through every source, and on a verb without a body an
    /// interface or abstract class is a service, as is a class marked <c>[FromServices]</c>.
    /// </summary>
    public static TheoryData<string, string> ParametersMinimalApisBind() => new()
    {
        { "GET", "Uri[] links" }, { "GET", "[FromQuery] Uri link" }, { "GET", "[FromHeader(Name = \"X-Link\")] Uri? link" },
        { "GET", "[FromRoute] Uri id" }, { "POST", "[FromForm] Uri link" }, { "GET", "Uri link" }, { "GET", "Uri? link" }, { "DELETE", "Uri?[] links" },
        { "POST", "Uri link" }, { "POST", "[FromForm] Uri[] links" }, { "GET", "IClock clock" }, { "HEAD", "IClock? clock" },
        { "DELETE", "Repository repository" }, { "OPTIONS", "[FromServices] Catalog catalog" }, { "GET", "[FromServices] Order? order" },
    };

    [Theory]
    [MemberData(nameof(ParametersMinimalApisBind))]
    public void A_parameter_a_minimal_api_binds_is_mapped(string verb, string parameter)
    {
        var route = parameter.Contains("FromRoute", StringComparison.Ordinal) ? "\"/go/{id}\", " : string.Empty;
        var verdict = ShapeCompiler.Check($"public static class Functions {{ [ServerFunction({route}Method = \"{verb}\"), AllowAnonymous] public static int Call({parameter}) => 0; }}");
        Assert.True(verdict.Problems.Count == 0, $"{verb} {parameter}:\n  - " + string.Join("\n  - ", verdict.Problems));
        Assert.True(verdict.Functions.All(f => f.Mapped), $"{verb} {parameter}: refused, though a minimal API binds it: " + string.Join("; ", verdict.Refusals));
    }

    /// <summary>
    /// Parameters that are not text and have no binding attribute, on the verbs that send no body: only a JSON body could
    /// give them, so each is SAUTH0003 naming the parameter (a minimal API takes a registered one from DI, and refuses to
    /// start for any other, nullable or not).
    /// </summary>
    public static TheoryData<string, string> ParametersNoRequestOfTheVerbCarries()
    {
        var data = new TheoryData<string, string>();
        foreach (var verb in new[] { "GET", "HEAD", "DELETE", "OPTIONS" })
        {
            foreach (var type in new[] { "Order", "Order?", "Catalog", "Catalog?", "Point", "Point?", "object", "(int A, string B)", "Basket", "List<int>", "Dictionary<string, int>" })
            {
                data.Add(verb, type);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ParametersNoRequestOfTheVerbCarries))]
    public void A_body_parameter_on_a_verb_without_a_body_is_refused_naming_it(string verb, string type)
    {
        var verdict = ShapeCompiler.Check($"public static class Functions {{ [ServerFunction(Method = \"{verb}\"), AllowAnonymous] public static int Call({type} value) => 0; }}");
        Assert.True(verdict.Problems.Count == 0, $"{verb} {type}:\n  - " + string.Join("\n  - ", verdict.Problems));
        Assert.True(verdict.Functions.All(f => !f.Mapped), $"{verb} {type}: mapped, though no request of the verb carries a body");
        Assert.Contains(verdict.Refusals, m => m.Contains("parameter 'value'", StringComparison.Ordinal) && m.Contains("which a request of this verb does not send", StringComparison.Ordinal));
    }

    /// <summary>
    /// Checks every shape, renamable ones in batches (a batch that shows any problem is checked again shape by shape, so
    /// each problem is pinned on its shape), and returns each shape's problems.
    /// </summary>
    internal static Dictionary<string, IReadOnlyList<string>> CheckAll(IReadOnlyList<Shape> shapes, out List<(string Name, bool Mapped)> functions)
    {
        var batches = shapes.Where(s => s.Template is not null && !KnownFailures.Shapes.ContainsKey(s.Id)).Chunk(BatchSize).ToList();
        var work = batches.Concat(shapes.Where(s => !batches.Any(b => b.Contains(s))).Select(s => new[] { s })).ToList();
        var results = new ConcurrentDictionary<string, IReadOnlyList<string>>();
        var allFunctions = new ConcurrentBag<(string Name, bool Mapped)>();
        Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, group =>
        {
            if (group.Length > 1)
            {
                var batch = ShapeCompiler.Check(Batch(group.Select(s => s.Template!)));
                if (batch.Problems.Count == 0)
                {
                    foreach (var shape in group)
                    {
                        results[shape.Id] = [];
                    }

                    foreach (var function in batch.Functions)
                    {
                        allFunctions.Add(function);
                    }

                    return;
                }
            }

            foreach (var shape in group)
            {
                var verdict = ShapeCompiler.Check(shape.Source, shape.Prelude, shape.Executable);
                results[shape.Id] = verdict.Problems;
                foreach (var function in verdict.Functions)
                {
                    allFunctions.Add(function);
                }
            }
        });

        functions = [.. allFunctions];
        return new Dictionary<string, IReadOnlyList<string>>(results);
    }

    /// <summary>One file of many renamable shapes, each type named apart.</summary>
    internal static string Batch(IEnumerable<string> templates) =>
        string.Join("\n", templates.Select((template, i) => template.Replace(Shape.TypeToken, $"Functions{i}", StringComparison.Ordinal)));
}
