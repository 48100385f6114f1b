using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace SessionAuth;

/// <summary>
/// Decides whether <c>UseSessionAuth()</c> opens the session before the endpoint by the options: by path, or always.
/// <c>[PreloadSession]</c> on the endpoint is read with the rest of its metadata (<see cref="SessionEndpointMetadata"/>).
/// </summary>
internal sealed class SessionPreloader
{
    private readonly TemplateMatcher[] _paths;
    private readonly bool _always;

    public SessionPreloader(SessionAuthOptions options)
    {
        _always = options.PreloadAllRequests;
        _paths = new TemplateMatcher[options.PreloadPaths.Count];
        for (var i = 0; i < _paths.Length; i++)
        {
            TryParse(options.PreloadPaths[i], out var matcher);
            _paths[i] = matcher!;
        }
    }

    /// <summary>Parses a preload pattern; returns the parse error, or <see langword="null"/> with the matcher.</summary>
    public static string? TryParse(string pattern, out TemplateMatcher? matcher)
    {
        try
        {
            matcher = new TemplateMatcher(new RouteTemplate(RoutePatternFactory.Parse(pattern)), new RouteValueDictionary());
            return null;
        }
        catch (RoutePatternException exception)
        {
            matcher = null;
            return exception.Message;
        }
    }

    public bool ShouldPreload(HttpContext httpContext)
    {
        if (_always)
        {
            return true;
        }

        if (_paths.Length == 0)
        {
            return false;
        }

        var values = new RouteValueDictionary();
        foreach (var matcher in _paths)
        {
            if (matcher.TryMatch(httpContext.Request.Path, values))
            {
                return true;
            }

            values.Clear();
        }

        return false;
    }
}
