using System.Net;
using System.Text;
using System.Text.Json;

namespace SessionAuth.PackageTests;

/// <summary>
/// samples/AotApi published with Native AOT on linux-x64: the publish reports no trim or AOT warning (warnings are errors
/// here, so any would fail it), and the native binary logs in, serves a guarded call and logs out over HTTP.
/// </summary>
public sealed class NativeAotTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"sessionauth-aot-{Guid.NewGuid():N}");

    [Fact]
    public async Task The_sample_publishes_with_native_aot_without_warnings_and_works_over_http()
    {
        var output = Path.Combine(_work, "publish");
        var (exitCode, log) = ConsumerFixture.Run(
            "dotnet",
            $"publish \"{Path.Combine(ConsumerFixture.RepositoryRoot, "samples", "AotApi", "AotApi.csproj")}\" -c Release -r linux-x64 -o \"{output}\" --artifacts-path \"{Path.Combine(_work, "build")}\"",
            ConsumerFixture.RepositoryRoot,
            // A hang guard, not a time limit: an AOT publish (ILCompiler over the whole app) takes minutes on two cores,
            // and several on a machine busy with other builds.
            TimeSpan.FromMinutes(20));

        Assert.True(exitCode == 0, log);
        Assert.DoesNotMatch(@"warning IL\d{4}", log);
        var native = Path.Combine(output, "AotApi");
        Assert.True(File.Exists(native), log);

        await using var app = await AppProcess.StartAsync(native);
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = app.Address };

        using var anonymous = await PostAsync(http, "/_server/Account/Me", "{}");
        using var login = await PostAsync(http, "/_server/Account/Login", """{"name":"Ada"}""");
        using var me = await PostAsync(http, "/_server/Account/Me", "{}");
        using var logout = await PostAsync(http, "/_server/Account/Logout", "{}");
        using var afterLogout = await PostAsync(http, "/_server/Account/Me", "{}");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using (var profile = JsonDocument.Parse(await me.Content.ReadAsStringAsync()))
        {
            Assert.Equal("Ada", profile.RootElement.GetProperty("name").GetString());
        }

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the folder is under the temp directory.
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string json) =>
        http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
}
