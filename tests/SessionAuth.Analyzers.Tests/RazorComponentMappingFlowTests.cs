using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;
using static SessionAuth.Analyzers.Tests.RazorComponentGuardTests;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 on Razor components whose mapping crosses a method boundary: a root component that is a type parameter
/// (<c>MapRazorComponents&lt;TApp&gt;()</c> in a generic helper) stands for the type arguments of every call of the
/// helper, and is reported as not known when some cannot be seen; a mapping returned by a helper is guarded by what its
/// callers do with it; the message names the mapping as it is written.
/// </summary>
public sealed class RazorComponentMappingFlowTests
{
    private const string OwnPages = PageUsings + App + """

        [Page("/counter")]
        public sealed class {|#1:Counter|} : ComponentBase
        {
        }
        """;

    private const string GeneratedPage = """
        namespace Hogwarts.Components.Pages
        {
            [global::Microsoft.AspNetCore.Components.RouteAttribute("/students")]
            public partial class Students : global::Microsoft.AspNetCore.Components.ComponentBase
            {
            }
        }
        """;

    private const string NoOwnPages = PageUsings + App;

    private static DiagnosticResult ClientPage(int location, string mapping) =>
        Page(location, "Client.OpenPage at /client/open, of assembly Client,", Descriptors.RazorComponentAdvice(mapping));

    private static DiagnosticResult UnknownRoot(int location, string owner) =>
        new DiagnosticResult(DiagnosticIds.EndpointWithoutGuardDecision, DiagnosticSeverity.Warning)
            .WithLocation(location)
            .WithArguments("MapRazorComponents<TApp>()", Descriptors.UnknownRootAdvice("TApp", owner));

    private static Task VerifyAppAsync(string program, string helpers, string pages, params DiagnosticResult[] expected) => VerifyAsync(
        [("Program.cs", Program(program)), ("Ui.cs", helpers), ("Pages.cs", pages)],
        [Library("Client", ClientPages)],
        expected);

    // 1. A root that is a type parameter stands for every type argument the helper is called with

    public static TheoryData<string, string> GenericHelpersCalledWithTheClientRoot => new()
    {
        {
            "Ui.MapUi<Client.ClientApp>(app);",
            """
            internal static class Ui
            {
                public static void MapUi<TApp>(WebApplication app) where TApp : Microsoft.AspNetCore.Components.IComponent =>
                    app.{|#0:MapRazorComponents<TApp>|}();
            }
            """
        },
        {
            "Ui.MapAll<Client.ClientApp>(app);",
            """
            internal static class Ui
            {
                public static void MapAll<TRoot>(WebApplication app) where TRoot : Microsoft.AspNetCore.Components.IComponent => MapUi<TRoot>(app);

                private static void MapUi<TApp>(WebApplication app) where TApp : Microsoft.AspNetCore.Components.IComponent =>
                    app.{|#0:MapRazorComponents<TApp>|}();
            }
            """
        },
        {
            "app.MapUi<Client.ClientApp>();",
            """
            internal static class Ui
            {
                public static void MapUi<TApp>(this WebApplication app) where TApp : Microsoft.AspNetCore.Components.IComponent =>
                    app.{|#0:MapRazorComponents<TApp>|}();
            }
            """
        },
        {
            "new Ui<Client.ClientApp>().Map(app);",
            """
            internal sealed class Ui<TApp> where TApp : Microsoft.AspNetCore.Components.IComponent
            {
                public void Map(WebApplication app) => app.{|#0:MapRazorComponents<TApp>|}();
            }
            """
        },
        {
            "Action<WebApplication> map = Ui.MapUi<Client.ClientApp>;\nmap(app);",
            """
            internal static class Ui
            {
                public static void MapUi<TApp>(WebApplication app) where TApp : Microsoft.AspNetCore.Components.IComponent =>
                    app.{|#0:MapRazorComponents<TApp>|}();
            }
            """
        },
    };

    [Theory]
    [MemberData(nameof(GenericHelpersCalledWithTheClientRoot))]
    public Task A_generic_helper_maps_the_pages_of_the_root_it_is_called_with_and_not_the_helpers_own(string program, string helpers) =>
        VerifyAppAsync(program, helpers, PageUsings + App + """

            [Page("/not-mapped")]
            public sealed class NotMapped : ComponentBase
            {
            }
            """,
            ClientPage(0, "MapRazorComponents<TApp>()"));

    [Fact]
    public Task A_generic_helper_called_with_two_roots_maps_the_pages_of_both() => VerifyAppAsync(
        "Ui.MapUi<App>(app);\nUi.MapUi<Client.ClientApp>(app);",
        """
        internal static class Ui
        {
            public static void MapUi<TApp>(WebApplication app) where TApp : Microsoft.AspNetCore.Components.IComponent =>
                app.{|#0:MapRazorComponents<TApp>|}();
        }
        """,
        OwnPages,
        ClientPage(0, "MapRazorComponents<TApp>()"),
        Page(1, "Counter at /counter", Descriptors.RazorComponentAdvice("MapRazorComponents<TApp>()")));

    [Fact]
    public Task A_public_helper_of_a_library_has_roots_no_one_can_see_and_says_so() => VerifyAsync(
        OutputKind.DynamicallyLinkedLibrary,
        [
            ("UiMapping.cs", """
                public static class UiMapping
                {
                    public static void MapUi<TApp>(WebApplication app) where TApp : Microsoft.AspNetCore.Components.IComponent =>
                        app.{|#0:MapRazorComponents<TApp>|}();

                    // Visible, and another assembly may call MapUi with a root of its own.
                    public static void MapClient(WebApplication app) => MapUi<Client.ClientApp>(app);
                }
                """),
            ("Pages.cs", PageUsings + App),
        ],
        [Library("Client", ClientPages)],
        UnknownRoot(0, "UiMapping.MapUi<TApp>(WebApplication)"),
        ClientPage(0, "MapRazorComponents<TApp>()"));

    [Fact]
    public Task A_helper_with_no_call_or_called_through_an_interface_has_roots_no_one_can_see_and_says_so() => VerifyAppAsync(
        "IUi ui = new UiMapper<Client.ClientApp>();\nui.Map(app);",
        """
        internal interface IUi
        {
            void Map(WebApplication app);
        }

        // Called through IUi: the call does not say which UiMapper<TApp> it runs.
        internal sealed class UiMapper<TApp> : IUi where TApp : Microsoft.AspNetCore.Components.IComponent
        {
            public void Map(WebApplication app) => app.{|#0:MapRazorComponents<TApp>|}();
        }

        internal static class Ui
        {
            // Never called here: reflection, or dead code; either way its roots are not known.
            public static void MapUi<TApp>(WebApplication app) where TApp : Microsoft.AspNetCore.Components.IComponent =>
                app.{|#1:MapRazorComponents<TApp>|}();
        }
        """,
        NoOwnPages,
        UnknownRoot(0, "UiMapper<TApp>"),
        UnknownRoot(1, "Ui.MapUi<TApp>(WebApplication)"));

    [Fact]
    public Task A_mapping_of_roots_no_one_can_see_guarded_on_some_paths_only_is_reported_as_such() => VerifyAsync(
        OutputKind.DynamicallyLinkedLibrary,
        [
            ("UiMapping.cs", """
                public static class UiMapping
                {
                    public static void MapUi<TApp>(WebApplication app, bool production) where TApp : Microsoft.AspNetCore.Components.IComponent
                    {
                        var pages = app.{|#0:MapRazorComponents<TApp>|}();
                        if (production)
                        {
                            pages.RequireAuthorization();
                        }
                    }
                }
                """),
            ("Pages.cs", PageUsings + App),
        ],
        [],
        new DiagnosticResult(DiagnosticIds.EndpointWithoutGuardDecision, DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithArguments("MapRazorComponents<TApp>()", Descriptors.ConditionalGuardAdvice));

    [Theory]
    [InlineData("app.MapRazorComponents<TApp>().RequireSession()", "")]
    [InlineData("app.MapRazorComponents<TApp>().WithMetadata(new AllowAnonymousAttribute())", "")]
    [InlineData("app.MapRazorComponents<TApp>()", "services.AddAuthorization(o => o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());")]
    public Task Roots_no_one_can_see_need_no_decision_when_the_mapping_or_a_fallback_policy_decides(string map, string services) => VerifyAsync(
        OutputKind.DynamicallyLinkedLibrary,
        [
            ("UiMapping.cs", $$"""
                public static class UiMapping
                {
                    public static void AddUi(IServiceCollection services) => {{(services.Length == 0 ? "services.AddRazorComponents();" : services)}}

                    public static void MapUi<TApp>(WebApplication app) where TApp : Microsoft.AspNetCore.Components.IComponent => {{map}};
                }
                """),
            ("Pages.cs", PageUsings + App + """

                [Page("/counter")]
                public sealed class Counter : ComponentBase
                {
                }
                """),
        ],
        []);

    // 2. A mapping returned by a helper is decided by what the callers do with it

    private const string MapUiHelper = """
        internal static class Ui
        {
            public static RazorComponentsEndpointConventionBuilder MapUi(WebApplication app) => app.{|#0:MapRazorComponents<App>|}();
        }
        """;

    [Theory]
    [InlineData("Ui.MapUi(app).RequireSession();")]
    [InlineData("Ui.MapUi(app).RequireAuthorization(\"staff\");")]
    [InlineData("Ui.MapUi(app).AllowAnonymous();")]
    [InlineData("Ui.MapUi(app).WithMetadata(new AuthorizeAttribute());")]
    [InlineData("var ui = Ui.MapUi(app);\nui.AddAdditionalAssemblies(typeof(Client.Marker).Assembly);\nui.RequireSession();")]
    [InlineData("if (args.Length > 0)\n{\n    var ui = Ui.MapUi(app);\n    ui.RequireSession();\n}")]
    public Task A_mapping_a_helper_returns_is_decided_by_a_guard_every_caller_applies_to_it(string program) => VerifyAsync(
        [
            ("Program.cs", Program(program)),
            ("Ui.cs", MapUiHelper.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal)),
            ("Pages.cs", PageUsings + App + """

                [Page("/counter")]
                public sealed class Counter : ComponentBase
                {
                }
                """),
            ("Components_Pages_Students_razor.g.cs", GeneratedPage),
        ],
        [Library("Client", ClientPages)]);

    [Fact]
    public Task A_mapping_returned_through_two_helpers_is_decided_by_the_last_callers_guard() => VerifyAppAsync(
        "Ui.MapAll(app).RequireAuthorization();",
        """
        internal static class Ui
        {
            public static RazorComponentsEndpointConventionBuilder MapAll(WebApplication app)
            {
                var pages = MapUi(app);
                pages.AddAdditionalAssemblies(typeof(Client.Marker).Assembly);
                return pages;
            }

            private static RazorComponentsEndpointConventionBuilder MapUi(WebApplication app)
            {
                var pages = app.MapRazorComponents<App>();
                return pages;
            }
        }
        """,
        PageUsings + App + """

            [Page("/counter")]
            public sealed class Counter : ComponentBase
            {
            }
            """);

    [Fact]
    public Task A_mapping_a_helper_returns_is_open_when_no_caller_guards_it() => VerifyAsync(
        [
            ("Program.cs", Program("Ui.MapUi(app);")),
            ("Ui.cs", MapUiHelper),
            ("Pages.cs", OwnPages),
            ("Components_Pages_Students_razor.g.cs", GeneratedPage),
        ],
        [],
        Page(0, "Hogwarts.Components.Pages.Students at /students"),
        Page(1, "Counter at /counter"));

    [Fact]
    public Task A_mapping_a_helper_returns_is_open_when_one_caller_of_two_guards_it_and_says_so() => VerifyAsync(
        [
            ("Program.cs", Program("Ui.MapUi(app).RequireSession();\nUi.MapUi(app);")),
            ("Ui.cs", MapUiHelper),
            ("Pages.cs", OwnPages),
            ("Components_Pages_Students_razor.g.cs", GeneratedPage),
        ],
        [],
        Page(0, "Hogwarts.Components.Pages.Students at /students", Descriptors.ConditionalGuardAdvice),
        Page(1, "Counter at /counter", Descriptors.ConditionalGuardAdvice));

    [Fact]
    public Task A_mapping_a_public_helper_of_a_library_returns_is_open_whatever_its_callers_here_do() => VerifyAsync(
        OutputKind.DynamicallyLinkedLibrary,
        [
            ("Ui.cs", """
                public static class Ui
                {
                    public static RazorComponentsEndpointConventionBuilder MapUi(WebApplication app) => app.MapRazorComponents<App>();

                    public static void MapGuarded(WebApplication app) => MapUi(app).RequireSession();
                }
                """),
            ("Pages.cs", OwnPages),
        ],
        [],
        Page(1, "Counter at /counter"));

    [Fact]
    public Task Assemblies_added_to_a_mapping_a_helper_returns_or_a_parameter_receives_are_checked() => VerifyAppAsync(
        """
        Ui.MapUi(app).AddAdditionalAssemblies({|#0:typeof(Client.Marker).Assembly|});
        Ui.AddClient(app.MapRazorComponents<App>().RequireSession());
        Ui.AddClient(app.MapRazorComponents<App>());
        """,
        """
        internal static class Ui
        {
            public static RazorComponentsEndpointConventionBuilder MapUi(WebApplication app) => app.MapRazorComponents<App>();

            public static void AddClient(RazorComponentsEndpointConventionBuilder pages) => pages.AddAdditionalAssemblies({|#1:typeof(Client.Marker).Assembly|});
        }
        """,
        NoOwnPages,
        ClientPage(0, "MapRazorComponents<App>()"),
        ClientPage(1, "MapRazorComponents<App>()"));

    // 4. The message names the mappings that leave the page open, as written

    [Fact]
    public Task The_advice_names_each_mapping_that_leaves_the_page_open() => VerifyAppAsync(
        """
        app.MapRazorComponents<App>();
        app.MapRazorComponents<Admin.AdminApp>();
        app.MapRazorComponents<App>();
        app.MapRazorComponents<Admin.AdminApp>().RequireSession();
        """,
        "internal static class Ui\n{\n}\n",
        OwnPages + """

            namespace Admin
            {
                public sealed class AdminApp : ComponentBase
                {
                }
            }
            """,
        Page(1, "Counter at /counter", Descriptors.RazorComponentAdvice("MapRazorComponents<App>() and MapRazorComponents<Admin.AdminApp>()")));
}
