using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.TestApp;

namespace SessionAuth.Tests.OpenApi;

/// <summary>The test app with the framework's OpenAPI document (<c>AddOpenApi</c> + <c>AddSessionAuth()</c>) at /openapi/v1.json.</summary>
public sealed class OpenApiAppFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = TestAppHost.Build(
            options => options.UseServerStore<UserSession>(user => user.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            builder => builder.Services.AddOpenApi(options =>
            {
                options.AddSessionAuth();

                // The framework's own description of this minimal API fails: it serializes the int the compiler stores
                // for an enum parameter's default (Tags? filter = Tags.Sale) as a Tags?. The server function of the
                // same method is described.
                options.ShouldInclude = description => description.RelativePath != "minimal/binding/defaults";
            }),
            app => app.MapOpenApi());
        await _app.StartAsync();
        Address = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public TestClient CreateClient() => new(Address);
}
