using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.CodeFixes;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

public sealed class UseSessionAuthCodeFixTests
{
    private const string Title = "Call UseSessionAuth()";

    /// <summary>Markup #0 is where the rule reports, #1 the one guard site.</summary>
    private static readonly DiagnosticResult Expected = new DiagnosticResult(Descriptors.MetadataGuardWithoutMiddleware).WithLocation(0).WithLocation(1);

    private static Task VerifyAsync(string source, string fixedSource, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary) =>
        AnalyzerTest.VerifyFixAsync<UseSessionAuthAnalyzer, UseSessionAuthCodeFixProvider>(source, fixedSource, Title, outputKind, Expected.WithArguments(Summary(source)));

    private static string Summary(string source) =>
        source.Contains("RequireSession|}]", StringComparison.Ordinal) ? "[RequireSession] on a lambda" : "RequireSession() on an endpoint or route group";

    [Fact]
    public Task Right_after_the_statement_that_builds_the_app_adding_the_using() => VerifyAsync(
        """
        using Microsoft.AspNetCore.Builder;

        var builder = WebApplication.CreateBuilder(args);
        var app = {|#0:builder.Build()|};

        app.MapGet("/orders", [{|#1:SessionAuth.RequireSession|}] () => "orders");
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using SessionAuth;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseSessionAuth();

        app.MapGet("/orders", [SessionAuth.RequireSession] () => "orders");
        app.Run();
        """,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task After_the_last_UseRouting_or_UseAuthentication_on_the_app() => VerifyAsync(
        """
        using Microsoft.AspNetCore.Builder;
        using SessionAuth;

        var builder = WebApplication.CreateBuilder(args);
        var app = {|#0:builder.Build()|};
        app.UseRouting();
        app.UseAuthentication();
        app.UseStaticFiles();
        app.MapGet("/orders", () => "orders").{|#1:RequireSession|}();
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using SessionAuth;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseRouting();
        app.UseAuthentication();
        app.UseSessionAuth();
        app.UseStaticFiles();
        app.MapGet("/orders", () => "orders").RequireSession();
        app.Run();
        """,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task On_the_variable_that_holds_the_app_after_a_chained_UseRouting_in_a_Main_method() => VerifyAsync(
        """
        using Microsoft.AspNetCore.Builder;
        using SessionAuth;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var web = {|#0:WebApplication.Create(args)|};
                web.UseRouting().UseAuthentication();
                web.MapGet("/orders", () => "orders").{|#1:RequireSession|}();
                web.Run();
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using SessionAuth;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var web = WebApplication.Create(args);
                web.UseRouting().UseAuthentication();
                web.UseSessionAuth();
                web.MapGet("/orders", () => "orders").RequireSession();
                web.Run();
            }
        }
        """);

    [Fact]
    public Task In_Startup_Configure_after_UseRouting() => VerifyAsync(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using SessionAuth;

        public class Startup
        {
            public void {|#0:Configure|}(IApplicationBuilder app, IWebHostEnvironment env)
            {
                app.UseStaticFiles();
                app.UseRouting();
                app.UseEndpoints(endpoints => endpoints.MapGet("/orders", () => "orders").{|#1:RequireSession|}());
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using SessionAuth;

        public class Startup
        {
            public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                app.UseStaticFiles();
                app.UseRouting();
                app.UseSessionAuth();
                app.UseEndpoints(endpoints => endpoints.MapGet("/orders", () => "orders").RequireSession());
            }
        }
        """);

    [Fact]
    public Task In_Startup_Configure_as_the_first_statement_when_there_is_no_UseRouting() => VerifyAsync(
        """
        using Microsoft.AspNetCore.Builder;

        public class Startup
        {
            public void {|#0:Configure|}(IApplicationBuilder application)
            {
                // Endpoints only.
                application.UseEndpoints(endpoints => endpoints.MapGet("/orders", [{|#1:SessionAuth.RequireSession|}] () => "orders"));
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using SessionAuth;

        public class Startup
        {
            public void Configure(IApplicationBuilder application)
            {
                application.UseSessionAuth();
                // Endpoints only.
                application.UseEndpoints(endpoints => endpoints.MapGet("/orders", [SessionAuth.RequireSession] () => "orders"));
            }
        }
        """);

    [Fact]
    public Task In_an_empty_Startup_Configure() => VerifyAsync(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Routing;
        using SessionAuth;

        public class Startup
        {
            public void {|#0:Configure|}(IApplicationBuilder app)
            {
            }

            public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet("/orders", () => "orders").{|#1:RequireSession|}();
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Routing;
        using SessionAuth;

        public class Startup
        {
            public void Configure(IApplicationBuilder app)
            {
                app.UseSessionAuth();
            }

            public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet("/orders", () => "orders").RequireSession();
        }
        """);
}
