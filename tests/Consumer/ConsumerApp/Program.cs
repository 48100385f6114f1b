using Microsoft.AspNetCore.Authorization;
using SessionAuth;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSessionAuth<ConsumerSession>(o => o.Password = builder.Configuration["SESSION_SECRET"]);
var app = builder.Build();
app.UseSessionAuth();
app.MapServerFunctions();
app.MapServerFunctionClient();
app.Run();


[SessionData]
public sealed record ConsumerSession(string Name);

public static class Functions
{
    [ServerFunction, AllowAnonymous]
    public static Task Login(string name, Session<ConsumerSession> session) => session.UpdateAsync(new ConsumerSession(name));

    [ServerFunction, RequireSession]
    public static string Whoami(ConsumerSession user) => user.Name;

    // No guard decision: the package's analyzer must say so in the build output (SAUTH0001).
    [ServerFunction]
    public static int Forgotten() => 42;
}
