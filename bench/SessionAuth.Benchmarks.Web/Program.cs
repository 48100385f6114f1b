using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SessionAuth;
using SessionAuth.Benchmarks.Web;

// The app bench/e2e.sh drives with wrk: four endpoints answering the same JSON, each behind a different guard.
//   A  GET /plain                  minimal API, no guard
//   B  GET /_server/Greetings/Open server function, no guard
//   C  GET /_server/Greetings/Mine server function, [RequireSession]
//   D  GET /cookie                 minimal API, ASP.NET Core cookie authentication + RequireAuthorization()
// Cookie authentication and authorization run only on /cookie, so each endpoint pays for its own guard and no other.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, BenchWebJsonContext.Default));
builder.Services.AddSessionAuth<BenchSession>(o => o.Password = builder.Configuration["SessionAuth:Password"]);
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseRouting();
app.UseSessionAuth();
app.UseWhen(
    context => context.Request.Path.StartsWithSegments("/cookie", StringComparison.Ordinal),
    branch => branch.UseAuthentication().UseAuthorization());

app.MapServerFunctions();
app.MapGet("/plain", () => new Greeting(Greetings.Name)).AllowAnonymous();
app.MapGet("/cookie", (ClaimsPrincipal user) => new Greeting(user.Identity!.Name!)).RequireAuthorization();

app.MapPost("/login/session", async (HttpContext context) =>
{
    var session = await context.GetSessionAsync<BenchSession>();
    await session.UpdateAsync(Greetings.User);
    return Results.NoContent();
}).AllowAnonymous();

app.MapPost("/login/cookie", async (HttpContext context) =>
{
    var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Greetings.User.UserId),
            new Claim(ClaimTypes.Name, Greetings.User.Name),
            new Claim(ClaimTypes.Role, Greetings.User.Roles[0]),
            new Claim(ClaimTypes.Role, Greetings.User.Roles[1]),
        ],
        CookieAuthenticationDefaults.AuthenticationScheme);
    await context.SignInAsync(new ClaimsPrincipal(identity));
    return Results.NoContent();
}).AllowAnonymous();

app.Run();

namespace SessionAuth.Benchmarks.Web
{
#if MUTABLE_SESSION
    /// <summary>A session whose roles array anyone holding it could change: read from JSON on every request.</summary>
    [SessionData]
    public sealed record BenchSession(string UserId, string Name, string[] Roles);
#else
    /// <summary>An immutable session (the default here): requests with the same cookie share one object of it.</summary>
    [SessionData]
    public sealed record BenchSession(string UserId, string Name, System.Collections.Immutable.ImmutableArray<string> Roles);
#endif

    public sealed record Greeting(string Hello);

    public static class Greetings
    {
        public const string Name = "Hermione Granger";

        public static readonly BenchSession User = new("u-1024", Name, ["student", "prefect"]);

        [ServerFunction(Method = "GET"), Microsoft.AspNetCore.Authorization.AllowAnonymous]
        public static Greeting Open() => new(Name);

        [ServerFunction(Method = "GET"), RequireSession]
        public static Greeting Mine(BenchSession user) => new(user.Name);
    }

    [JsonSerializable(typeof(Greeting))]
    [JsonSerializable(typeof(BenchSession))]
    internal sealed partial class BenchWebJsonContext : JsonSerializerContext;
}
