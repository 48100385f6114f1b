using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 for a method another assembly can call, in an executable too: one that implements an interface method or
/// overrides a method another assembly declares is called by that assembly with builders the compilation does not see
/// (<c>OtherAssemblyInterfaceBoundaryTests</c> has the interface shape), so the calls the compilation does see do not decide its
/// parameter. A method only the compilation declares is decided by its calls.
/// </summary>
public sealed class OtherAssemblyCallerTests
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

    private static readonly MetadataReference Modules = AnalyzerTest.Library("Modules", """
        public abstract class EndpointModule
        {
            public abstract void AddRoutes(IEndpointRouteBuilder routes);
        }

        public static class ModuleExtensions
        {
            public static void MapModule(this IEndpointRouteBuilder routes, EndpointModule module) => module.AddRoutes(routes);
        }
        """);

    [Fact]
    public Task An_override_of_an_abstract_method_of_another_assembly_is_called_by_that_assembly_with_builders_the_compilation_does_not_see() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        app.MapModule(new OrdersModule());
        new OrdersModule().AddRoutes(app.MapGroup("/admin").RequireAuthorization());
        app.Run();

        sealed class OrdersModule : EndpointModule
        {
            public override void AddRoutes(IEndpointRouteBuilder routes) => routes.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        }
        """, Modules);

    [Fact]
    public Task A_method_of_the_executable_whose_every_call_passes_a_guarded_group_is_guarded() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        new OrdersModule().AddRoutes(app.MapGroup("/admin").RequireAuthorization());
        app.Run();

        sealed class OrdersModule
        {
            public void AddRoutes(IEndpointRouteBuilder routes) => routes.MapGet("/orders", () => "orders");
        }
        """, Modules);
}
