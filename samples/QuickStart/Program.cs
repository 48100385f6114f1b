using QuickStart;
using SessionAuth;

var builder = WebApplication.CreateBuilder(args);

// Outside Development the password must come from configuration: SessionAuth__Password, user secrets, a vault.
builder.Services.AddSessionAuth<UserSession>(options => options.Password = builder.Configuration["SessionAuth:Password"]);

var app = builder.Build();
app.UseSessionAuth();
app.MapServerFunctions();
app.MapGet("/", () => Results.Content(Pages.Home, "text/html")).AllowAnonymous();
app.MapGet("/login", () => Results.Content(Pages.Login, "text/html")).AllowAnonymous();
app.Run();
