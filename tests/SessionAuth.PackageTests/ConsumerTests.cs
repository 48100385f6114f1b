using System.Net;
using System.Text;

namespace SessionAuth.PackageTests;

/// <summary>SessionAuth as users meet it: a package restored from a feed into a project of their own.</summary>
[Collection(ConsumerBuilds.Name)]
public sealed class ConsumerTests(ConsumerFixture fixture)
{
    [Fact]
    public void The_package_holds_the_runtime_the_generator_the_code_fixes_the_client_build_step_and_symbols()
    {
        Assert.Contains($"SessionAuth.{fixture.Version}.nupkg", fixture.PackageFiles);
        Assert.Contains($"SessionAuth.{fixture.Version}.snupkg", fixture.PackageFiles);

        using var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(fixture.PackageFeed, $"SessionAuth.{fixture.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("lib/net10.0/SessionAuth.dll", entries);
        Assert.Contains("lib/net10.0/SessionAuth.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/SessionAuth.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/SessionAuth.CodeFixes.dll", entries);
        Assert.Contains("build/SessionAuth.targets", entries);
        Assert.Contains("tasks/netstandard2.0/SessionAuth.Build.dll", entries);
        Assert.Contains("README.md", entries);
    }

    [Fact]
    public async Task A_fresh_project_builds_sees_SAUTH0001_and_serves_a_guarded_function()
    {
        var project = fixture.CopyConsumer("consumer");

        var (exitCode, output) = fixture.Build(project);

        Assert.True(exitCode == 0, output);
        Assert.Matches(@"warning SAUTH0001: Server function Functions\.Forgotten has no guard decision", output);
        Assert.DoesNotContain("Functions.Whoami has no guard decision", output, StringComparison.Ordinal);

        await using var app = await AppProcess.StartAsync("dotnet", Path.Combine(project, "bin", "Release", "net10.0", "ConsumerApp.dll"));
        using var http = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = app.Address };

        using var anonymous = await http.PostAsync("/_server/Functions/Whoami", Json("{}"));
        using var login = await http.PostAsync("/_server/Functions/Login", Json("""{"name":"Ada"}"""));
        using var signedIn = await http.PostAsync("/_server/Functions/Whoami", Json("{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        Assert.Equal("\"Ada\"", await signedIn.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_project_at_CSharp_9_builds_and_serves_a_guarded_function()
    {
        // C# 9: no global usings (ImplicitUsings off), no file-scoped namespaces. The OpenAPI package SessionAuth depends on
        // brings a generator whose code needs C# 11; the package's targets leave it out below 11.
        var project = fixture.CopyConsumer("consumer-csharp9");
        var program = Path.Combine(project, "Program.cs");
        File.WriteAllText(program, """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;

            """ + File.ReadAllText(program));

        var (exitCode, output) = fixture.Build(project, "-p:LangVersion=9 -p:ImplicitUsings=disable");

        Assert.True(exitCode == 0, output);
        await using var app = await AppProcess.StartAsync("dotnet", Path.Combine(project, "bin", "Release", "net10.0", "ConsumerApp.dll"));
        using var http = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = app.Address };
        using var login = await http.PostAsync("/_server/Functions/Login", Json("""{"name":"Ada"}"""));
        using var signedIn = await http.PostAsync("/_server/Functions/Whoami", Json("{}"));
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        Assert.Equal("\"Ada\"", await signedIn.Content.ReadAsStringAsync());
    }

    [Fact]
    public void An_editorconfig_severity_override_turns_SAUTH0001_into_an_error()
    {
        var project = fixture.CopyConsumer("consumer-strict", "root = true\n\n[*.cs]\ndotnet_diagnostic.SAUTH0001.severity = error\n");

        var (exitCode, output) = fixture.Build(project);

        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"error SAUTH0001: Server function Functions\.Forgotten has no guard decision", output);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
