using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using SessionAuth.TestApp;

namespace SessionAuth.ShapesApp;

/// <summary>
/// Minimal APIs guarded by rules this project names but its generated registrations cannot name: the registrations file
/// records why, and an app that maps one refuses to start saying so. Mapped only by the test that expects that refusal.
/// </summary>
public static class UnregistrableRules
{
    public static IEndpointConventionBuilder MapFileLocalRule(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/r16/unregistrable/file-local", [RequireSession<FileLocalRule>] () => "never");

    public static IEndpointConventionBuilder MapPrivateRule(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/r16/unregistrable/private", [RequireSession<PrivateRule>] () => "never");

    private sealed class PrivateRule : ISessionRule<UserSession>
    {
        public static bool Allows(UserSession user) => true;
    }
}

file sealed class FileLocalRule : ISessionRule<UserSession>
{
    public static bool Allows(UserSession user) => true;
}
