namespace SessionAuth.Tests.OpenApi;

public sealed class OpenApiDumpTests(OpenApiAppFixture app) : IClassFixture<OpenApiAppFixture>
{
    [Fact]
    public async Task Dump()
    {
        using var client = app.CreateClient();
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json"));
        var text = await response.Content.ReadAsStringAsync();
        await File.WriteAllTextAsync("/tmp/h41-openapi.json", text);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
