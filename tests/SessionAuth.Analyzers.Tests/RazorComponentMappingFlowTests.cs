using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;
using static SessionAuth.Analyzers.Tests.RazorComponentGuardTests;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 on Razor components whose mapping crosses a method boundary: a mapping returned by a helper is guarded by
/// what its callers do with it; the message names the mapping as it is written.
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

    private static Task VerifyAppAsync(string program, string helpers, string pages, params DiagnosticResult[] expected) => VerifyAsync(
        [("Program.cs", Program(program)), ("Ui.cs", helpers), ("Pages.cs", pages)],
        [Library("Client", ClientPages)],
        expected);

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
