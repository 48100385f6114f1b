using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;
using static SessionAuth.Analyzers.Tests.RazorComponentGuardTests;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 on Razor components and the mappings that route them: the message names the mapping as it is written.
/// </summary>
public sealed class RazorComponentMappingFlowTests
{
    private const string OwnPages = PageUsings + App + """

        [Page("/counter")]
        public sealed class {|#1:Counter|} : ComponentBase
        {
        }
        """;

    private static Task VerifyAppAsync(string program, string helpers, string pages, params DiagnosticResult[] expected) => VerifyAsync(
        [("Program.cs", Program(program)), ("Ui.cs", helpers), ("Pages.cs", pages)],
        [Library("Client", ClientPages)],
        expected);

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
