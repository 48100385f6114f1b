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
        var values = new[] { TrackingNames.ServerFunctions, TrackingNames.DeclaringTypes, TrackingNames.EndpointShapes, TrackingNames.MapEntries, TrackingNames.ImmutableSessionData, TrackingNames.SessionDataFiles, TrackingNames.Client }
            .SelectMany(run.TrackedValues)
            .ToList();

        Assert.NotEmpty(values);
        foreach (var value in values)
        {
            AssertPlainValues(value, path: value?.GetType().Name ?? "null", new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    [Fact]
    public void Editing_a_function_body_regenerates_nothing()
    {
        var result = RerunAfterEdit("=> 1;", "=> 2;").After;

        Assert.All(OutputReasons(result), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void Editing_a_function_body_leaves_the_client_step_cached()
    {
        var result = RerunAfterEdit("=> 1;", "=> 2;").After;

        var client = result.TrackedSteps[TrackingNames.Client].SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(client);
        Assert.All(client, output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Client produced {output.Reason}."));
    }

    [Fact]
    public void Editing_a_record_the_client_describes_regenerates_only_the_client()
    {
        var runs = RerunAfterEdit("record Address(string Street)", "record Address(string Street, int Number)");

        Assert.Equal([ClientFile], ChangedFiles(runs));
        Assert.Contains("number: number;", Text(runs.After, ClientFile), StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_a_route_regenerates_only_the_file_of_its_type_and_the_client()
    {
        var runs = RerunAfterEdit("/api/orders/{id}", "/api/order/{id}");

        Assert.Equal([ClientFile, OrdersFile], ChangedFiles(runs));
        Assert.Contains("/api/order/{id}", Text(runs.After, OrdersFile), StringComparison.Ordinal);
    }

    [Fact]
    public void Renaming_a_parameter_leaves_the_shared_endpoint_methods_alone_and_renames_the_client_argument()
    {
        var runs = RerunAfterEdit("string? note", "string? remark");

        Assert.Equal([ClientFile, OrdersFile], ChangedFiles(runs));
        Assert.Contains("\"remark\", global::SessionAuth.Infrastructure.ArgumentSource.Query,", Text(runs.After, OrdersFile), StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_a_function_to_a_type_that_has_some_leaves_MapServerFunctions_alone()
    {
        var runs = RerunAfterEdit(
            "[ServerFunction]\n    public static int Ship(",
            "[ServerFunction]\n    public static int Return(Address from, Session<UserSession> session) => 2;\n\n    [ServerFunction]\n    public static int Ship(");

        Assert.Equal([ClientFile, OrdersFile], ChangedFiles(runs));
        Assert.Contains("global::Shop.Orders.Return);", Text(runs.After, OrdersFile), StringComparison.Ordinal);
        var mapEntries = runs.After.TrackedSteps[TrackingNames.MapEntries].SelectMany(step => step.Outputs);
        Assert.All(mapEntries, output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"MapEntries produced {output.Reason}."));
    }

    [Fact]
    public void A_new_kind_of_binding_regenerates_the_endpoint_methods_too()
    {
        var runs = RerunAfterEdit("string? note", "int? note");

        Assert.Equal([ClientFile, EndpointsFile, OrdersFile], ChangedFiles(runs));
        Assert.Contains("MapRequireSession_Parsable_NullableParsable_SessionData_ReturnsJson<", Text(runs.After, EndpointsFile), StringComparison.Ordinal);
    }

    /// <summary>A base class's attributes are the derived class's: an edit of them, in another file, reaches its functions.</summary>
    [Fact]
    public void Editing_an_attribute_of_a_base_class_in_another_file_regenerates_the_derived_class_file()
    {
        const string Base = """
            using Microsoft.AspNetCore.Authorization;

            namespace Shop;

            [Authorize(Roles = "Staff")]
            public class StaffBase;
            """;
        var compilation = GeneratorHarness.CreateCompilation(Source.Replace("public static class Orders", "public class Orders : StaffBase", StringComparison.Ordinal))
            .AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Base, GeneratorHarness.ParseOptions, path: "StaffBase.cs"));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single();
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "StaffBase.cs");
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(Base.Replace("Staff\")]", "Admin\")]", StringComparison.Ordinal))));
        var after = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains("new global::Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = \"Staff\" }", Text(before, OrdersFile), StringComparison.Ordinal);
        Assert.Equal([OrdersFile], ChangedFiles((before, after)));
        Assert.Contains("new global::Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = \"Admin\" }", Text(after, OrdersFile), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tracked_step_that_did_not_run_fails_the_harness_unless_the_test_says_it_is_absent()
    {
        const string NoFunctions = "using SessionAuth; namespace Shop; [SessionData] public sealed record UserSession(int UserId);";

        var missing = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => GeneratorHarness.Run(NoFunctions));
        Assert.Contains($"Step {TrackingNames.ServerFunctions} is missing", missing.Message, StringComparison.Ordinal);
        Assert.NotEmpty(GeneratorHarness.Run(NoFunctions, referenceRuntime: true, TrackingNames.ServerFunctions).Sources);
    }

    [Fact]
    public void A_step_said_to_be_absent_that_ran_fails_the_harness()
    {
        var present = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => GeneratorHarness.Run(Source, referenceRuntime: true, TrackingNames.ImmutableSessionData));
        Assert.Contains($"Step {TrackingNames.ImmutableSessionData} ran", present.Message, StringComparison.Ordinal);
    }

    private const string OrdersFile = "ServerFunctions.Shop.Orders.g.cs";
    private const string ClientFile = "ServerFunctions.Client.g.cs";
    private const string EndpointsFile = "ServerFunctions.Endpoints.g.cs";

    /// <summary>The generated files whose text changed, by name; each must be one regenerated output, and no other output may be.</summary>
    private static List<string> ChangedFiles((GeneratorRunResult Before, GeneratorRunResult After) runs)
    {
        var before = runs.Before.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        var changed = runs.After.GeneratedSources
            .Where(s => !before.TryGetValue(s.HintName, out var text) || text != s.SourceText.ToString())
            .Select(s => s.HintName)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(changed.Count, OutputReasons(runs.After).Count(reason => reason != IncrementalStepRunReason.Cached));
        return changed;
    }

    private static string Text(GeneratorRunResult result, string hintName) =>
        result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Runs the generator on <see cref="Source"/>, replaces <paramref name="from"/> with <paramref name="to"/>, and runs it again; returns both runs.</summary>
    private static (GeneratorRunResult Before, GeneratorRunResult After) RerunAfterEdit(string from, string to)
    {
        var compilation = GeneratorHarness.CreateCompilation(Source);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single();
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(Source.Replace(from, to, StringComparison.Ordinal))));
        return (before, driver.RunGenerators(edited).GetRunResult().Results.Single());
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
