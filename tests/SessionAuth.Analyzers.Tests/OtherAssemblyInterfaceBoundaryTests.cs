using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Review 21b: where the rule reads a decision from a place ASP.NET Core does not read it from: an interface method of
/// another assembly (that assembly calls it with builders the compilation does not see). The custom route attributes of
/// the same review are in <see cref="CustomRouteAttributeTests"/>.
/// </summary>
public sealed class OtherAssemblyInterfaceBoundaryTests
{
    private static Task VerifyAppAsync(string program, MetadataReference reference)
    {
        var test = new CSharpAnalyzerTest<EndpointGuardAnalyzer, DefaultVerifier>();
        test.TestState.Sources.Add(("Program.cs", AnalyzerTest.Usings + program));
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        AnalyzerTest.Configure(test.TestState, test);
        test.TestState.AdditionalReferences.Add(reference);
        return test.RunAsync();
    }

    // ModuleExtensions.MapModules (a library, like Carter's MapCarter) calls AddRoutes with the app itself; the one call in
    // the app passes a guarded group, and the rule credits that call as every call.

    [Fact]
    public Task An_interface_method_of_another_assembly_is_called_by_that_assembly_with_builders_the_compilation_does_not_see() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        app.MapModules(new OrdersModule());
        new OrdersModule().AddRoutes(app.MapGroup("/admin").RequireAuthorization());
        app.Run();

        sealed class OrdersModule : IModule
        {
            public void AddRoutes(IEndpointRouteBuilder routes) => routes.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        }
        """, AnalyzerTest.Library("Modules", """
        public interface IModule
        {
            void AddRoutes(IEndpointRouteBuilder routes);
        }

        public static class ModuleExtensions
        {
            public static void MapModules(this IEndpointRouteBuilder routes, params IModule[] modules)
            {
                foreach (var module in modules)
                {
                    module.AddRoutes(routes);
                }
            }
        }
        """));
}
