using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Session rules in generated code: a rule-guarded server function calls <c>TRule.Allows</c> directly (after the
/// session for a rule over the session, after binding for a rule over an argument), a function whose rule cannot be
/// honoured is never mapped, and every rule a project declares or names is registered for <c>UseSessionAuth()</c>.
/// </summary>
public sealed class SessionRuleGeneratorTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        using SessionAuth;

        """;

    private const string Model = """


        public enum House { Gryffindor, Slytherin }

        [SessionData]
        public sealed record UserSession(int UserId, string Name, House House, bool IsPrefect);

        public sealed class Prefect : ISessionRule<UserSession>
        {
            public static bool Allows(UserSession user) => user.IsPrefect;
        }

        public sealed class Seventh : ISessionRule<UserSession>
        {
            public static bool Allows(UserSession user) => user.UserId > 7;
        }

        public sealed class OwnHouse : ISessionRule<UserSession, House>
        {
            public static bool Allows(UserSession user, House house) => user.House == house;
        }

        """;

    private static GeneratorRun Run(string source, params string[] absentSteps) =>
        GeneratorHarness.Run(Usings + source + Model, referenceRuntime: true, absentSteps);

    [Fact]
    public void Rules_on_server_functions_and_their_classes() => Snapshot.Match(
        Run("""
            namespace Shop;

            [RequireSession<Seventh>]
            public static class Houses
            {
                [ServerFunction, RequireSession<Prefect>]
                public static Task AwardPoints(House house, int points, UserSession user) => Task.CompletedTask;

                [ServerFunction("/houses/{house}/common-room", Method = "GET"), RequireSession<OwnHouse>(Argument = nameof(house))]
                public static string CommonRoom(House house) => house.ToString();

                [ServerFunction, RequireSession<Prefect>, RequireSession<OwnHouse>(Argument = nameof(house), RedirectTo = "/sign-in")]
                public static int Both(House house) => 1;

                [ServerFunction]
                public static int ClassRuleOnly() => 1;

                [ServerFunction, AllowAnonymous]
                public static int Open() => 1;
            }
            """).Text(static hintName => !GeneratorRun.IsSharedFile(hintName)),
        nameof(Rules_on_server_functions_and_their_classes));

    [Fact]
    public void The_rules_a_project_declares_or_names_are_registered() => Snapshot.Match(
        Run("""
            namespace Shop;

            public sealed record Ticket(string Code);

            public sealed class ByName : ISessionRule<UserSession, string>
            {
                public static bool Allows(UserSession user, string name) => user.Name == name;
            }

            public sealed class MaybeHouse : ISessionRule<UserSession, House?>
            {
                public static bool Allows(UserSession user, House? house) => house is null || user.House == house;
            }

            public readonly struct ByYear : ISessionRule<UserSession, int>
            {
                public static bool Allows(UserSession user, int year) => year > 0;
            }

            public sealed class ByTicket : ISessionRule<UserSession, Ticket>
            {
                public static bool Allows(UserSession user, Ticket ticket) => ticket.Code.Length > 0;
            }

            public sealed class NotARule : IDisposable
            {
                public void Dispose() { }
            }

            internal static class Outer
            {
                private sealed class Hidden : ISessionRule<UserSession>
                {
                    public static bool Allows(UserSession user) => true;
                }

                // Named where it is visible: still no registration can name it, which the registrations file records.
                [RequireSession<Hidden>]
                public static string HiddenHandler() => "hidden";
            }

            // Abstract: its static Allows is implemented, so it is a rule like any other.
            public abstract class AbstractRule : ISessionRule<UserSession>
            {
                public static bool Allows(UserSession user) => true;
            }

            // Registered, with the warnings naming them raises disabled around the line.
            [Obsolete("Use Prefect.")]
            public sealed class OldRule : ISessionRule<UserSession>
            {
                public static bool Allows(UserSession user) => true;
            }

            [System.Diagnostics.CodeAnalysis.Experimental("SHOP001")]
            public sealed class TrialRule : ISessionRule<UserSession>
            {
                public static bool Allows(UserSession user) => true;
            }

            // Declared in a generic class: only a construction of it is a rule generated code can name.
            public static class Generic<T>
            {
                public sealed class Rule : ISessionRule<UserSession>
                {
                    public static bool Allows(UserSession user) => true;
                }
            }

            // A file-local rule no other file can name, unused: nothing; named on a handler: recorded as not registered.
            file sealed class LocalRule : ISessionRule<UserSession>
            {
                public static bool Allows(UserSession user) => true;
            }

            public static class Handlers
            {
                [RequireSession<Generic<int>.Rule>]
                public static string Constructed() => "constructed";

                [RequireSession<LocalRule>]
                public static string Local() => "local";
            }
            """, TrackingNames.ServerFunctions).Text(static hintName => hintName == "SessionRules.Registrations.g.cs"),
        nameof(The_rules_a_project_declares_or_names_are_registered));

    [Fact]
    public void A_rule_declared_in_a_referenced_assembly_is_registered_where_it_is_named()
    {
        var library = CSharpCompilation.Create(
            "Rules",
            [CSharpSyntaxTree.ParseText(Usings + "namespace Rules;" + Model, GeneratorHarness.ParseOptions)],
            FrameworkReferences.All.Add(GeneratorHarness.RuntimeReference),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var app = CSharpCompilation.Create(
            "Shop",
            [CSharpSyntaxTree.ParseText(Usings + """
                namespace Shop;

                public static class Handlers
                {
                    [RequireSession<Rules.Prefect>]
                    public static string Award() => "awarded";
                }
                """, GeneratorHarness.ParseOptions)],
            FrameworkReferences.All.Add(GeneratorHarness.RuntimeReference).Add(library.ToMetadataReference()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(app, out var output, out _);

        var registrations = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("SessionRules.Registrations.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("SessionRules.Register<global::Rules.Prefect, global::Rules.UserSession>();", registrations, StringComparison.Ordinal);
        Assert.DoesNotContain("OwnHouse", registrations, StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_function_whose_rule_cannot_be_honoured_is_never_mapped()
    {
        var run = Run("""
            namespace Shop;

            [SessionData]
            public sealed record OtherSession(int Id);

            public sealed class OtherRule : ISessionRule<OtherSession>
            {
                public static bool Allows(OtherSession session) => true;
            }

            public sealed class NotSessionData : ISessionRule<string>
            {
                public static bool Allows(string session) => true;
            }

            public sealed class ByName : ISessionRule<UserSession, string>
            {
                public static bool Allows(UserSession user, string name) => true;
            }

            public static class Refused
            {
                [ServerFunction, RequireSession<OtherRule>] public static int OtherSessionType(UserSession user) => 1;
                [ServerFunction, RequireSession<Prefect>, RequireSession<OtherRule>] public static int RulesDisagree() => 1;
                [ServerFunction, RequireSession<NotSessionData>] public static int SessionIsNoSessionData() => 1;
                [ServerFunction, RequireSession<OwnHouse>] public static int ArgumentMissing(House house) => 1;
                [ServerFunction, RequireSession<OwnHouse>(Argument = "nowhere")] public static int ArgumentNamesNoParameter(House house) => 1;
                [ServerFunction, RequireSession<OwnHouse>(Argument = nameof(year))] public static int ArgumentOfAnotherType(int year) => 1;
                [ServerFunction, RequireSession<OwnHouse>(Argument = nameof(house))] public static int ArgumentMayBeNull(House? house) => 1;
                [ServerFunction, RequireSession<ByName>(Argument = nameof(name))] public static int NullableReference(string? name) => 1;
                [ServerFunction, RequireSession<OwnHouse>(Argument = nameof(user))] public static int ArgumentIsNotBound(UserSession user) => 1;
                [ServerFunction, RequireSession<Prefect>(Argument = nameof(house))] public static int ArgumentOnAOneArgumentRule(House house) => 1;
                [ServerFunction, RequireSession<Prefect>] public static int Kept() => 1;
            }

            [RequireSession<OtherRule>]
            public static class RefusedByItsClass
            {
                [ServerFunction] public static int Inherits(UserSession user) => 1;
            }
            """);

        var mapped = run.Sources.Single(s => s.HintName == "ServerFunctions.Shop.Refused.g.cs").SourceText.ToString();
        Assert.Contains("\"Refused.Kept\"", mapped, StringComparison.Ordinal);
        Assert.Equal(1, mapped.Split("new global::SessionAuth.ServerFunctionMetadata(").Length - 1);
        Assert.DoesNotContain(run.Sources, s => s.HintName == "ServerFunctions.Shop.RefusedByItsClass.g.cs");
    }

    /// <summary>
    /// Rules generated code must take care to name (abstract, [Obsolete], [Experimental], nested in a constructed generic
    /// type) on a server function: each is mapped, under a pragma when naming it warns, and the whole compilation stays
    /// clean (the harness fails on any warning).
    /// </summary>
    [Theory]
    [InlineData("public abstract class Rule", "", "")]
    [InlineData("[Obsolete(\"Use Prefect.\")] public sealed class Rule", "CS0618", "#pragma warning disable CS0612, CS0618")]
    [InlineData("[System.Diagnostics.CodeAnalysis.Experimental(\"SHOP001\")] public sealed class Rule", "SHOP001", "#pragma warning disable SHOP001")]
    public void A_server_function_guarded_by_a_rule_of_any_nameable_shape_is_mapped(string declaration, string userWarning, string pragma)
    {
        var guard = userWarning.Length == 0 ? string.Empty : $"#pragma warning disable {userWarning}\n";
        var run = Run($$"""
            namespace Shop;

            {{declaration}} : ISessionRule<UserSession>
            {
                public static bool Allows(UserSession user) => user.IsPrefect;
            }

            public static class Staff
            {
            {{guard}}
                [ServerFunction, RequireSession<Rule>, RequireSession<Outer<int>.Inner<House>>]
                public static int Count() => 1;
            }

            public static class Outer<T>
            {
                public sealed class Inner<TOther> : ISessionRule<UserSession>
                {
                    public static bool Allows(UserSession user) => true;
                }
            }
            """);

        var mapped = run.Sources.Single(s => s.HintName == "ServerFunctions.Shop.Staff.g.cs").SourceText.ToString();
        Assert.Contains("SessionRules.Allows<global::Shop.Rule, global::Shop.UserSession>(sessionData)", mapped, StringComparison.Ordinal);
        Assert.Contains("SessionRules.Allows<global::Shop.Outer<int>.Inner<global::Shop.House>, global::Shop.UserSession>(sessionData)", mapped, StringComparison.Ordinal);
        Assert.True(pragma.Length == 0 || mapped.Contains(pragma, StringComparison.Ordinal), mapped);
    }

    [Fact]
    public void RequireSession_of_a_rule_alone_requires_a_session()
    {
        var run = Run("""
            namespace Shop;

            public static class Orders
            {
                [ServerFunction, RequireSession<Prefect>] public static int Count() => 1;
            }
            """);

        var mapped = run.Sources.Single(s => s.HintName == "ServerFunctions.Shop.Orders.g.cs").SourceText.ToString();
        Assert.Contains("requiresSession: true", mapped, StringComparison.Ordinal);
        Assert.Contains("!global::SessionAuth.Infrastructure.SessionRules.Allows<global::Shop.Prefect, global::Shop.UserSession>(sessionData) ? \"Prefect\" :", mapped, StringComparison.Ordinal);
    }

    /// <summary>
    /// A rule may implement Allows explicitly (or take it from a default interface member): generated code asks it through
    /// its interface, as UseSessionAuth() does, so it compiles (the harness fails on any error in the output) and both
    /// paths call the same method.
    /// </summary>
    [Fact]
    public void A_rule_that_implements_Allows_explicitly_is_asked_through_its_interface()
    {
        var run = Run("""
            namespace Shop;

            public sealed class OneExplicit : ISessionRule<UserSession>
            {
                static bool ISessionRule<UserSession>.Allows(UserSession user) => user.IsPrefect;

                // Not the rule: a public method of the same name the interface does not call.
                public static bool Allows(UserSession user) => true;
            }

            public static class Orders
            {
                [ServerFunction, RequireSession<OneExplicit>] public static int Count() => 1;
            }
            """);

        var mapped = run.Sources.Single(s => s.HintName == "ServerFunctions.Shop.Orders.g.cs").SourceText.ToString();
        Assert.Contains("SessionRules.Allows<global::Shop.OneExplicit, global::Shop.UserSession>(sessionData)", mapped, StringComparison.Ordinal);
        Assert.DoesNotContain("global::Shop.OneExplicit.Allows(", mapped, StringComparison.Ordinal);
    }
}
