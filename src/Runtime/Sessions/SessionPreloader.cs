using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace SessionAuth;

/// <summary>Decides whether <c>UseSessionAuth()</c> opens the session before the endpoint: by attribute, by path, or always.</summary>
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

    public bool ShouldPreload(HttpContext httpContext, Endpoint? endpoint)
    {
        if (_always || endpoint?.Metadata.GetMetadata<PreloadSessionAttribute>() is not null)
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
