using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SessionAuth.Generators.Tests;

public sealed class IncrementalityTests
{
    private const string Source = """
        using SessionAuth;

        namespace Shop;

        [SessionData]
        public sealed record UserSession(int UserId, string Name);

        public sealed record Address(string Street);

        [RequireSession]
        public static class Orders
        {
            [ServerFunction("/api/orders/{id}", Method = "GET")]
            public static string Find(int id, string? note, UserSession user) => $"{id} {note} {user.Name}";

            [ServerFunction]
            public static int Ship(Address to, Session<UserSession> session) => 1;
        }
        """;

    [Fact]
    public void The_model_holds_no_symbols_compilations_syntax_or_locations()
    {
        var run = GeneratorHarness.Run(Source);
        var values = run.TrackedValues(TrackingNames.ServerFunctions).Concat(run.TrackedValues(TrackingNames.MapEntries)).ToList();

        Assert.NotEmpty(values);
        foreach (var value in values)
        {
            AssertPlainValues(value, path: value?.GetType().Name ?? "null", new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    [Fact]
    public void Editing_a_function_body_regenerates_nothing()
    {
        var result = RerunAfterEdit("=> 1;", "=> 2;");

        Assert.All(OutputReasons(result), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void Changing_a_route_regenerates_that_function_and_the_map_only()
    {
        var result = RerunAfterEdit("/api/orders/{id}", "/api/order/{id}");

        Assert.Equal(2, OutputReasons(result).Count(reason => reason == IncrementalStepRunReason.Modified));
        Assert.Contains(result.GeneratedSources, s => s.HintName == "ServerFunctions.Map.g.cs" && s.SourceText.ToString().Contains("/api/order/{id}", StringComparison.Ordinal));
    }

    /// <summary>Runs the generator on <see cref="Source"/>, replaces <paramref name="from"/> with <paramref name="to"/>, and runs it again.</summary>
    private static GeneratorRunResult RerunAfterEdit(string from, string to)
    {
        var compilation = GeneratorHarness.CreateCompilation(Source);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(Source.Replace(from, to, StringComparison.Ordinal))));
        return driver.RunGenerators(edited).GetRunResult().Results.Single();
    }

    private static IEnumerable<IncrementalStepRunReason> OutputReasons(GeneratorRunResult result) =>
        result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).Select(output => output.Reason);

    private static readonly Type[] Forbidden = [typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Location)];

    private static void AssertPlainValues(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} is a {type.Name}, which must not be in the model.");
        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                AssertPlainValues(item, $"{path}[{index++}]", seen);
            }

            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertPlainValues(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
    }
}
