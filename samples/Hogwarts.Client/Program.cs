using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);

// The authentication state the server serialized into the page (AddAuthenticationStateSerialization): the claims
// SessionAuthOptions.UseClaims chose for the session, and nothing else of it. The session itself never leaves the server.
builder.Services.AddAuthorizationCore();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddAuthenticationStateDeserialization();

await builder.Build().RunAsync();
