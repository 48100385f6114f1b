using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.CodeFixes;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 on routable Razor components: the pages a <c>MapRazorComponents&lt;TRoot&gt;()</c> call of the compilation
/// routes (the root's assembly and its <c>AddAdditionalAssemblies</c>), the types the framework takes for pages (public,
/// nested public included, with a <c>[Route]</c> of their own), and the decisions it puts into their endpoints (the page's
/// attributes with <c>inherit: true</c>, the mapping's conventions, a fallback policy).
/// </summary>
public sealed class RazorComponentGuardTests
{
    // Razor writes @page "/x" as [Microsoft.AspNetCore.Components.Route("/x")]; the alias keeps it apart from MVC's [Route].
    internal const string PageUsings = """
        using Microsoft.AspNetCore.Components;
        using Page = Microsoft.AspNetCore.Components.RouteAttribute;

        """;

    internal const string App = """
        public sealed class App : ComponentBase
        {
        }
        """;

    internal static string Program(string map = "app.MapRazorComponents<App>();", string services = "") => $$"""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorComponents();
        {{services}}
        var app = builder.Build();
        {{map}}
        app.Run();
        """;

    internal static DiagnosticResult Page(int location, string page, string? advice = null) =>
        new DiagnosticResult(DiagnosticIds.EndpointWithoutGuardDecision, DiagnosticSeverity.Warning)
            .WithLocation(location)
            .WithArguments($"Razor component {page}", advice ?? Descriptors.RazorComponentAdvice("MapRazorComponents<App>()"));

    internal static Task VerifyAppAsync(string program, string pages, params DiagnosticResult[] expected) =>
        VerifyAsync([("Program.cs", program), ("Pages.cs", PageUsings + App + "\n" + pages)], [], expected);

    internal static Task VerifyAsync((string Path, string Source)[] files, MetadataReference[] references, params DiagnosticResult[] expected) =>
        VerifyAsync(OutputKind.ConsoleApplication, files, references, expected);

    internal static Task VerifyAsync(OutputKind outputKind, (string Path, string Source)[] files, MetadataReference[] references, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<EndpointGuardAnalyzer, DefaultVerifier>();
        foreach (var (path, source) in files)
        {
            test.TestState.Sources.Add((path, AnalyzerTest.Usings + source));
        }

        test.TestState.OutputKind = outputKind;
        AnalyzerTest.Configure(test.TestState, test);
        test.TestState.AdditionalReferences.AddRange(references);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>A referenced project (a <c>.Client</c> project, a Razor class library) as the build sees it: compiled metadata.</summary>
    internal static PortableExecutableReference Library(string name, string source) => AnalyzerTest.Library(name, PageUsings + source);

    internal const string ClientPages = """
        namespace Client
        {
            public static class Marker
            {
            }

            [Page("/client/open")]
            public sealed class OpenPage : ComponentBase
            {
            }

            [Page("/client/guarded"), RequireSession]
            public sealed class GuardedPage : ComponentBase
            {
            }

            [Page("/client/internal")]
            internal sealed class InternalPage : ComponentBase
            {
            }

            public sealed class ClientApp : ComponentBase
            {
            }
        }
        """;

    // Must fire

    [Fact]
    public Task An_unguarded_page_is_reported_on_its_class() => VerifyAppAsync(Program(), """
        [Page("/counter")]
        [Page("/counter/{start:int}")]
        public sealed class {|#0:Counter|} : ComponentBase
        {
        }
        """,
        Page(0, "Counter at /counter, /counter/{start:int}"));

    [Fact]
    public Task A_public_nested_page_is_reported_and_internal_or_protected_ones_are_not_routed() => VerifyAppAsync(Program(), """
        public static class Admin
        {
            [Page("/admin/users")]
            public sealed class {|#0:Users|} : ComponentBase
            {
            }
        }

        public class Outer
        {
            [Page("/outer/hidden")]
            protected sealed class Hidden : ComponentBase
            {
            }
        }

        internal static class InternalOuter
        {
            [Page("/internal-outer/page")]
            public sealed class PublicInsideInternal : ComponentBase
            {
            }
        }

        [Page("/internal")]
        internal sealed class InternalPage : ComponentBase
        {
        }
        """,
        Page(0, "Admin.Users at /admin/users"));

    [Fact]
    public Task A_decision_on_a_base_component_whose_attribute_is_not_inherited_does_not_count() => VerifyAppAsync(Program(), """
        [AttributeUsage(AttributeTargets.Class, Inherited = false)]
        public sealed class StaffOnlyAttribute : Attribute, IAuthorizeData
        {
            public string Policy { get; set; } = "staff";

            public string Roles { get; set; }

            public string AuthenticationSchemes { get; set; }
        }

        [StaffOnly]
        public abstract class StaffPage : ComponentBase
        {
        }

        [Page("/staff/rota")]
        public sealed class {|#0:Rota|} : StaffPage
        {
        }

        [Page("/staff/own"), StaffOnly]
        public sealed class OwnStaffOnly : StaffPage
        {
        }
        """,
        Page(0, "Rota at /staff/rota"));

    [Fact]
    public Task Route_on_a_base_component_is_not_inherited_but_the_routed_abstract_base_is_itself_a_page() => VerifyAppAsync(Program(), """
        [Page("/base")]
        public abstract class {|#0:RoutedBase|} : ComponentBase
        {
        }

        public sealed class Derived : RoutedBase
        {
        }
        """,
        Page(0, "RoutedBase at /base"));

    [Fact]
    public Task A_page_the_Razor_generator_wrote_is_reported_on_the_MapRazorComponents_call() => VerifyAsync(
        [
            ("Program.cs", Program("app.{|#0:MapRazorComponents<App>|}();")),
            ("App.cs", PageUsings + App),
            ("Components_Pages_Students_razor.g.cs", """
                // <auto-generated/>
                namespace Hogwarts.Components.Pages
                {
                    [global::Microsoft.AspNetCore.Components.RouteAttribute("/students")]
                    public partial class Students : global::Microsoft.AspNetCore.Components.ComponentBase
                    {
                    }

                    [global::Microsoft.AspNetCore.Components.RouteAttribute("/login")]
                    [global::Microsoft.AspNetCore.Authorization.AllowAnonymous]
                    public partial class Login : global::Microsoft.AspNetCore.Components.ComponentBase
                    {
                    }
                }
                """),
        ],
        [],
        Page(0, "Hogwarts.Components.Pages.Students at /students"));

    [Fact]
    public Task A_generated_page_with_a_code_behind_partial_is_reported_on_the_code_behind() => VerifyAsync(
        [
            ("Program.cs", Program()),
            ("App.cs", PageUsings + App),
            ("Components_Pages_Students_razor.g.cs", """
                namespace Hogwarts.Components.Pages
                {
                    [global::Microsoft.AspNetCore.Components.RouteAttribute("/students")]
                    public partial class Students : global::Microsoft.AspNetCore.Components.ComponentBase
                    {
                    }
                }
                """),
            ("Students.razor.cs", """
                namespace Hogwarts.Components.Pages
                {
                    public partial class {|#0:Students|}
                    {
                    }
                }
                """),
        ],
        [],
        Page(0, "Hogwarts.Components.Pages.Students at /students"));

    [Fact]
    public Task An_added_assemblys_unguarded_page_is_reported_on_the_AddAdditionalAssemblies_argument() => VerifyAsync(
        [
            ("Program.cs", Program("app.MapRazorComponents<App>().AddAdditionalAssemblies({|#0:typeof(Client.Marker).Assembly|});")),
            ("App.cs", PageUsings + App),
        ],
        [Library("Client", ClientPages)],
        Page(0, "Client.OpenPage at /client/open, of assembly Client,"));

    [Fact]
    public Task An_added_assembly_is_followed_through_a_local_builder() => VerifyAsync(
        [
            ("Program.cs", Program("""
                var pages = app.MapRazorComponents<App>();
                pages.AddAdditionalAssemblies({|#0:typeof(Client.Marker).Assembly|});
                """)),
            ("App.cs", PageUsings + App),
        ],
        [Library("Client", ClientPages)],
        Page(0, "Client.OpenPage at /client/open, of assembly Client,"));

    [Fact]
    public Task An_added_assembly_belongs_to_the_mapping_whose_builder_adds_it() => VerifyAsync(
        [
            ("Program.cs", Program("""
                app.MapRazorComponents<App>();
                app.MapRazorComponents<App>().RequireSession().AddAdditionalAssemblies(typeof(Client.Marker).Assembly);
                var open = app.MapRazorComponents<App>();
                var guarded = app.MapRazorComponents<App>();
                guarded.RequireAuthorization();
                open.AddAdditionalAssemblies({|#0:typeof(Client.Marker).Assembly|});
                guarded.AddAdditionalAssemblies(typeof(Client.Marker).Assembly);
                """)),
            ("App.cs", PageUsings + App),
        ],
        [Library("Client", ClientPages)],
        Page(0, "Client.OpenPage at /client/open, of assembly Client,"));

    [Fact]
    public Task A_root_component_of_another_assembly_maps_that_assemblys_pages_and_not_this_ones() => VerifyAsync(
        [
            ("Program.cs", Program("app.{|#0:MapRazorComponents<Client.ClientApp>|}();")),
            ("Pages.cs", PageUsings + """
                [Page("/not-mapped")]
                public sealed class NotMapped : ComponentBase
                {
                }
                """),
        ],
        [Library("Client", ClientPages)],
        Page(0, "Client.OpenPage at /client/open, of assembly Client,", Descriptors.RazorComponentAdvice("MapRazorComponents<Client.ClientApp>()")));

    [Fact]
    public Task A_guard_on_the_mapping_on_some_paths_only_is_reported_as_such() => VerifyAppAsync(
        Program("""
            var pages = app.MapRazorComponents<App>();
            if (app.Environment.EnvironmentName == "Production")
            {
                pages.RequireAuthorization();
            }
            """),
        """
        [Page("/counter")]
        public sealed class {|#0:Counter|} : ComponentBase
        {
        }
        """,
        Page(0, "Counter at /counter", Descriptors.ConditionalGuardAdvice));

    [Fact]
    public Task A_guard_on_another_mapping_does_not_decide_for_this_one() => VerifyAppAsync(
        Program("""
            app.MapRazorComponents<App>();
            app.MapRazorComponents<App>().RequireSession();
            """),
        """
        [Page("/counter")]
        public sealed class {|#0:Counter|} : ComponentBase
        {
        }
        """,
        Page(0, "Counter at /counter"));

    // Must not fire

    [Fact]
    public Task A_decision_on_the_page_silences_it() => VerifyAppAsync(Program(), """
        [Page("/session"), RequireSession]
        public sealed class SessionPage : ComponentBase
        {
        }

        [Page("/authorized"), Authorize(Roles = "admin")]
        public sealed class AuthorizedPage : ComponentBase
        {
        }

        [Page("/public"), AllowAnonymous]
        public sealed class PublicPage : ComponentBase
        {
        }

        [Page("/preloaded"), PreloadSession, RequireSession]
        public sealed class PreloadedPage : ComponentBase
        {
        }
        """);

    [Fact]
    public Task PreloadSession_alone_is_no_decision() => VerifyAppAsync(Program(), """
        [Page("/preloaded"), PreloadSession]
        public sealed class {|#0:PreloadedPage|} : ComponentBase
        {
        }
        """,
        Page(0, "PreloadedPage at /preloaded"));

    [Fact]
    public Task An_inherited_decision_on_an_abstract_base_component_silences_it() => VerifyAppAsync(Program(), """
        [Authorize]
        public abstract class SecurePage : ComponentBase
        {
        }

        [RequireSession]
        public abstract class SessionPage : SecurePage
        {
        }

        [Page("/secure")]
        public sealed class Secure : SecurePage
        {
        }

        [Page("/deeper")]
        public sealed class Deeper : SessionPage
        {
        }
        """);

    [Theory]
    [InlineData("app.MapRazorComponents<App>().RequireSession();")]
    [InlineData("app.MapRazorComponents<App>().RequireAuthorization();")]
    [InlineData("app.MapRazorComponents<App>().AllowAnonymous();")]
    [InlineData("var pages = app.MapRazorComponents<App>();\npages.RequireAuthorization(\"staff\");")]
    public Task A_guard_convention_on_the_mapping_silences_its_pages(string map) => VerifyAsync(
        [
            ("Program.cs", Program(map + "\napp.MapRazorComponents<App>().AddAdditionalAssemblies(typeof(Client.Marker).Assembly).RequireSession();")),
            ("Pages.cs", PageUsings + App + """

                [Page("/counter")]
                public sealed class Counter : ComponentBase
                {
                }
                """),
            ("Components_Pages_Students_razor.g.cs", """
                namespace Hogwarts.Components.Pages
                {
                    [global::Microsoft.AspNetCore.Components.RouteAttribute("/students")]
                    public partial class Students : global::Microsoft.AspNetCore.Components.ComponentBase
                    {
                    }
                }
                """),
        ],
        [Library("Client", ClientPages)]);

    [Theory]
    [InlineData("builder.Services.AddAuthorization(o => o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());")]
    [InlineData("builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());")]
    public Task A_fallback_policy_silences_every_page(string services) => VerifyAsync(
        [
            ("Program.cs", Program("app.MapRazorComponents<App>().AddAdditionalAssemblies(typeof(Client.Marker).Assembly);", services)),
            ("Pages.cs", PageUsings + App + """

                [Page("/counter")]
                public sealed class Counter : ComponentBase
                {
                }
                """),
        ],
        [Library("Client", ClientPages)]);

    [Fact]
    public Task Pages_of_a_project_that_never_maps_components_are_silent() =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(
            OutputKind.DynamicallyLinkedLibrary,
            [("Pages.cs", PageUsings + """
                [Page("/counter")]
                public sealed class Counter : ComponentBase
                {
                }
                """)]);

    // Code fixes

    [Fact]
    public Task Add_AllowAnonymous_to_a_page_class() => AnalyzerTest.VerifyFixAsync<EndpointGuardAnalyzer, EndpointGuardCodeFixProvider>(
        AnalyzerTest.Usings + PageUsings + Program() + "\n" + App + """

        [Page("/about")]
        public sealed class {|SAUTH0001:About|} : ComponentBase
        {
        }
        """,
        AnalyzerTest.Usings + PageUsings + Program() + "\n" + App + """

        [Page("/about")]
        [AllowAnonymous]
        public sealed class About : ComponentBase
        {
        }
        """,
        "Add [AllowAnonymous]",
        OutputKind.ConsoleApplication);

    [Fact]
    public Task No_fix_is_offered_where_a_generated_or_referenced_page_is_reported()
    {
        var source = AnalyzerTest.Usings + PageUsings
            + Program("app.{|#0:MapRazorComponents<App>|}().AddAdditionalAssemblies({|#1:typeof(Client.Marker).Assembly|});") + "\n" + App;
        var test = new CSharpCodeFixTest<EndpointGuardAnalyzer, EndpointGuardCodeFixProvider, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = source,
        };
        const string generated = """
            namespace Hogwarts.Components.Pages
            {
                [global::Microsoft.AspNetCore.Components.RouteAttribute("/students")]
                public partial class Students : global::Microsoft.AspNetCore.Components.ComponentBase
                {
                }
            }
            """;
        var client = Library("Client", ClientPages);
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.Sources.Add(("Components_Pages_Students_razor.g.cs", generated));
            state.OutputKind = OutputKind.ConsoleApplication;
            AnalyzerTest.Configure(state, test);
            state.AdditionalReferences.Add(client);
        }

        test.ExpectedDiagnostics.Add(Page(0, "Hogwarts.Components.Pages.Students at /students"));
        test.ExpectedDiagnostics.Add(Page(1, "Client.OpenPage at /client/open, of assembly Client,"));
        return test.RunAsync();
    }
}
