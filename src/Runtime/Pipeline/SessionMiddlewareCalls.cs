using Microsoft.AspNetCore.Builder;

namespace SessionAuth;

/// <summary>Where <c>UseSessionAuth()</c> was called, kept for <see cref="SessionMiddlewareStartupCheck"/>.</summary>
internal sealed class SessionMiddlewareCalls
{
    // UseRouting() sets this property on the builder it is called on ("let interested parties know", in its source);
    // WebApplication reads it to decide whether to add UseRouting() itself at the start of the pipeline.
    private const string UseRoutingProperty = "__EndpointRouteBuilder";

    private readonly Lock _lock = new();
    private readonly List<(IDictionary<string, object?> Properties, bool AfterRouting)> _calls = [];

    public void Add(IApplicationBuilder app)
    {
        lock (_lock)
        {
            _calls.Add((app.Properties, app.Properties.ContainsKey(UseRoutingProperty)));
        }
    }

    public bool AnyCall
    {
        get
        {
            lock (_lock)
            {
                return _calls.Count > 0;
            }
        }
    }

    /// <summary>
    /// Whether every call came before an explicit <c>UseRouting()</c> on the same builder: the middleware then runs before
    /// an endpoint is chosen and sees none. A call on a WebApplication that never calls <c>UseRouting()</c> is in place
    /// (the WebApplication adds routing first); a call whose builder got <c>UseRouting()</c> only later is not.
    /// </summary>
    public bool EveryCallPrecedesRouting
    {
        get
        {
            lock (_lock)
            {
                if (_calls.Count == 0)
                {
                    return false;
                }

                foreach (var (properties, afterRouting) in _calls)
                {
                    if (afterRouting || !properties.ContainsKey(UseRoutingProperty))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
