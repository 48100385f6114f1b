using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// An app whose entry point runs <c>calls</c> before <c>app.Run()</c>, with <c>declarations</c> after it: in the calls,
/// <c>{G1}</c> stands for a guarded group and <c>{G2}</c> for a second group, open unless a test says otherwise. The
/// tables of ways a method is reached (its callers) are written against it.
/// </summary>
internal static class CallerProgram
{
    public const string Guarded = "app.MapGroup(\"/guarded\").RequireAuthorization()";
    public const string Open = "app.MapGroup(\"/open\")";

    public static Task VerifyAsync(string calls, string declarations, string secondGroup = Open) => AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(
        OutputKind.ConsoleApplication,
        [("Program.cs", $$"""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            {{calls.Replace("{G1}", Guarded).Replace("{G2}", secondGroup)}}
            app.Run();

            {{declarations}}
            """)]);
}
