using SessionAuth.Testing;

namespace SessionAuth.PackageTests;

/// <summary>
/// The package's opt-in build step: <c>SessionAuthClientOutputPath</c> writes the browser client into the project, the
/// same texts the app serves, a TypeScript project type-checks against them, and a build that changes no signature
/// leaves the files untouched.
/// </summary>
[Collection(ConsumerBuilds.Name)]
public sealed class ClientFilesBuildTests(ConsumerFixture fixture)
{
    [Fact]
    public async Task A_project_that_sets_the_output_path_gets_the_client_the_app_serves_and_typescript_checks_a_call_against_it()
    {
        var project = fixture.CopyConsumer("consumer-client");
        var output = Path.Combine(project, "ClientApp", "server");

        var (exitCode, log) = fixture.Build(project, "-p:SessionAuthClientOutputPath=ClientApp/server");

        Assert.True(exitCode == 0, log);
        await using var app = await AppProcess.StartAsync("dotnet", Path.Combine(project, "bin", "Release", "net10.0", "ConsumerApp.dll"));
        using var http = new HttpClient { BaseAddress = app.Address };
        Assert.Equal(await http.GetStringAsync("/_server/client.js"), await File.ReadAllTextAsync(Path.Combine(output, "client.js")));
        Assert.Equal(await http.GetStringAsync("/_server/client.d.ts"), await File.ReadAllTextAsync(Path.Combine(output, "client.d.ts")));

        await File.WriteAllTextAsync(Path.Combine(project, "ClientApp", "use.ts"), """
            import { Functions, ServerFunctionError } from "./server/client.js";

            export async function greet(): Promise<string> {
                await Functions.login("Ada");
                try {
                    return await Functions.whoami();
                } catch (error) {
                    return error instanceof ServerFunctionError ? `refused: ${error.status}` : "failed";
                }
            }

            // @ts-expect-error login takes the name as a string
            Functions.login(42);
            """);
        var (tscExit, tscOutput) = await NodeTools.TypeCheckAsync(Path.Combine(project, "ClientApp"), "use.ts");
        Assert.True(tscExit == 0, "tsc refused a consumer of the written client:\n" + tscOutput);
    }

    [Fact]
    public void A_build_that_changes_no_signature_leaves_the_files_untouched_and_a_signature_change_rewrites_them()
    {
        var project = fixture.CopyConsumer("consumer-client-rebuild");
        var script = Path.Combine(project, "ClientApp", "server", "client.js");
        Assert.Equal(0, fixture.Build(project, "-p:SessionAuthClientOutputPath=ClientApp/server").ExitCode);
        var first = File.GetLastWriteTimeUtc(script);

        // A method body changes: the assembly is rebuilt, the client's text is the same.
        var program = Path.Combine(project, "Program.cs");
        File.WriteAllText(program, File.ReadAllText(program).Replace("=> 42;", "=> 43;", StringComparison.Ordinal));
        var (bodyExit, bodyLog) = fixture.Build(project, "-p:SessionAuthClientOutputPath=ClientApp/server");

        Assert.True(bodyExit == 0, bodyLog);
        Assert.DoesNotContain("wrote the server function client", bodyLog, StringComparison.Ordinal);
        Assert.Equal(first, File.GetLastWriteTimeUtc(script));

        // A signature changes: the client follows.
        File.WriteAllText(program, File.ReadAllText(program).Replace("public static int Forgotten() => 43;", "public static int Forgotten(int times) => 43 * times;", StringComparison.Ordinal));
        var (signatureExit, signatureLog) = fixture.Build(project, "-p:SessionAuthClientOutputPath=ClientApp/server");

        Assert.True(signatureExit == 0, signatureLog);
        Assert.Contains("wrote the server function client", signatureLog, StringComparison.Ordinal);
        Assert.Contains("forgotten(times", File.ReadAllText(script), StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_the_generator_writes_nothing_for_that_asks_for_the_client_fails_saying_why()
    {
        // C# 8: the generator writes no code (generated code needs C# 9), so the assembly holds no client.
        var project = fixture.CopyConsumer("consumer-client-csharp8");
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public static class Program
            {
                public static void Main(string[] args)
                {
                    var app = WebApplication.CreateBuilder(args).Build();
                    app.MapGet("/", context => context.Response.WriteAsync("hello")).AllowAnonymous();
                    app.Run();
                }
            }
            """);

        var (exitCode, log) = fixture.Build(project, "-p:SessionAuthClientOutputPath=ClientApp/server -p:LangVersion=8 -p:ImplicitUsings=disable");

        Assert.NotEqual(0, exitCode);
        Assert.True(log.Contains("error SAUTH1002: SessionAuthClientOutputPath is set, but ConsumerApp.dll holds no generated server function client", StringComparison.Ordinal), log);
        Assert.False(Directory.Exists(Path.Combine(project, "ClientApp", "server")));
    }
}
