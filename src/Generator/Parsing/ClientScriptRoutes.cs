namespace SessionAuth.Generators.Parsing;

/// <summary>
/// The routes on which <c>MapServerFunctionClient()</c> serves the generated client, <c>GET /_server/client.js</c> and
/// <c>GET /_server/client.d.ts</c> (the runtime's <c>ServerFunctionClientEndpointRouteBuilderExtensions.ScriptPath</c>
/// and <c>DeclarationsPath</c>, fixed there; a test keeps the two in step). A server function that answers one of them
/// with the same precedence would stand beside the client's endpoint, and routing would fail every request to it as
/// ambiguous (500), the client's included: such a function is refused (SAUTH0003).
/// </summary>
internal static class ClientScriptRoutes
{
    public const string Script = "/_server/client.js";

    public const string Declarations = "/_server/client.d.ts";

    /// <summary>The verb of both: the client's endpoints answer GET only.</summary>
    private const string Verb = "GET";

    private static readonly (string Route, RouteTemplate Template)[] Routes =
        [(Script, RouteTemplate.Parse(Script, out _)!), (Declarations, RouteTemplate.Parse(Declarations, out _)!)];

    /// <summary>The client's route that a function on <paramref name="httpMethod"/> and <paramref name="template"/> competes with, or null.</summary>
    public static string? CompetingWith(string httpMethod, RouteTemplate template)
    {
        if (httpMethod != Verb)
        {
            return null;
        }

        foreach (var (route, client) in Routes)
        {
            if (template.IsAmbiguousWith(client))
            {
                return route;
            }
        }

        return null;
    }
}
