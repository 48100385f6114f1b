using AotApi;
using SessionAuth;

var builder = WebApplication.CreateSlimBuilder(args);

// Native AOT has no reflection-based JSON: every type that crosses the wire is in AotJsonContext.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AotJsonContext.Default));
builder.Services.AddSessionAuth<UserSession>(o => o.Password = builder.Configuration["SESSION_SECRET"]);

var app = builder.Build();
app.UseSessionAuth();
app.MapServerFunctions();
app.MapGet("/health", () => "ok").AllowAnonymous();
app.Run();
