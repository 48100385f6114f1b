using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using SessionAuth.ShapesApp;
using SessionAuth.TestApp;

namespace SessionAuth.Tests.Rules;

/// <summary>
/// An endpoint guarded through metadata by a rule that was never registered refuses the start, and the refusal names the
/// rule as its author wrote it in C# (never a reflection name with assembly versions) and says why: a rule that project's
/// generated code could not name (recorded by the registrations file), or one no generator saw (this test project runs none).
/// </summary>
public sealed class SessionRuleRegistrationStartupTests
{
    public static TheoryData<string, string> Refusals => new()
    {
        { "file-local", "the rule FileLocalRule was not registered: its registration, generated code in a file of its own, cannot name it: it uses the file-local type FileLocalRule, which no other file can name" },
        { "private", "the rule UnregistrableRules.PrivateRule was not registered: its registration, generated code in a file of its own, cannot name it: it uses the type PrivateRule, which generated code cannot reach; make it internal or public" },
        { "generic", "the rule Both<UnregisteredRule, Prefect> was never registered. The SessionAuth source generator registers every rule a project declares or names in [RequireSession<TRule>] (in C#, or in a .razor file's @attribute)" },
        { "nested generic", "the rule SessionRuleRegistrationStartupTests.Holder<int>.Nested<House?> was never registered" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task An_unregistered_rule_refuses_the_start_naming_it_in_CSharp_and_saying_why(string shape, string expected)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ShapesAppHost.StartAsync(endpoints: app => Map(app, shape)));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Version=", failure.Message, StringComparison.Ordinal);
    }

    private static void Map(IEndpointRouteBuilder app, string shape)
    {
        _ = shape switch
        {
            "file-local" => UnregistrableRules.MapFileLocalRule(app),
            "private" => UnregistrableRules.MapPrivateRule(app),
            "generic" => app.MapGet("/generic", [RequireSession<Both<UnregisteredRule, Prefect>>] () => "never"),
            _ => app.MapGet("/nested", [RequireSession<Holder<int>.Nested<House?>>] () => "never"),
        };
    }

    public static class Holder<T>
    {
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "A rule's Allows is static by the interface's contract.")]
        public sealed class Nested<TOther> : ISessionRule<UserSession>
        {
            public static bool Allows(UserSession user) => true;
        }
    }
}
