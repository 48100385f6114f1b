using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace SessionAuth;

/// <summary>Checks <see cref="SessionAuthOptions"/> at startup so that a bad value stops the app with a message that says what to set.</summary>
internal sealed class SessionAuthOptionsValidator : IValidateOptions<SessionAuthOptions>
{
    /// <summary>The longest cookie name, domain and path together: 4,050 less this and the other attributes stays over <see cref="SessionCookies.MinimumChunkLength"/>.</summary>
    internal const int MaxCookieAttributesLength = 2048;

    public ValidateOptionsResult Validate(string? name, SessionAuthOptions options)
    {
        var failures = new List<string>();

        if (string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"SessionAuthOptions.Password is not set. Set it to a secret of at least {SessionAuthOptions.MinimumPasswordLength} characters from configuration (for example the SessionAuth__Password environment variable or user secrets).");
        }
        else if (options.Password.Length < SessionAuthOptions.MinimumPasswordLength)
        {
            failures.Add($"SessionAuthOptions.Password has {options.Password.Length} characters; it needs at least {SessionAuthOptions.MinimumPasswordLength}. Set a longer secret from configuration.");
        }

        for (var i = 0; i < options.PreviousPasswords.Count; i++)
        {
            var previous = options.PreviousPasswords[i];
            if (previous is null || previous.Length < SessionAuthOptions.MinimumPasswordLength)
            {
                failures.Add($"SessionAuthOptions.PreviousPasswords[{i}] has fewer than {SessionAuthOptions.MinimumPasswordLength} characters. Remove it or restore the full password.");
            }
        }

        if (!IsCookieName(options.CookieName))
        {
            failures.Add($"SessionAuthOptions.CookieName '{options.CookieName}' is not a valid cookie name. Use letters, digits and '-', '_' or '.'.");
        }

        // Browsers accept a __Host- cookie only when it is Secure, for Path=/ and without Domain; a sibling subdomain
        // then cannot set one over ours (cookie tossing). Say so at startup rather than let browsers drop it silently.
        if (options.CookieName?.StartsWith("__Host-", StringComparison.Ordinal) == true
            && (options.CookieSecurePolicy != CookieSecurePolicy.Always || options.CookiePath != "/" || options.CookieDomain is not null))
        {
            failures.Add($"SessionAuthOptions.CookieName '{options.CookieName}' has the __Host- prefix, which browsers accept only with CookieSecurePolicy Always, CookiePath '/' and no CookieDomain.");
        }

        // Each chunk cookie repeats the name and attributes; the cookie reader relies on every chunk keeping at least
        // SessionCookies.MinimumChunkLength characters of the 4,050 for the session itself.
        var cookieAttributesLength = (options.CookieName?.Length ?? 0) + (options.CookieDomain?.Length ?? 0) + (options.CookiePath?.Length ?? 0);
        if (cookieAttributesLength > MaxCookieAttributesLength)
        {
            failures.Add($"SessionAuthOptions.CookieName, CookieDomain and CookiePath add up to {cookieAttributesLength} characters; keep them to {MaxCookieAttributesLength} or fewer, so that each cookie has room for the session.");
        }

        if (options.MaxSessionSize is < 1024 or > 65_536)
        {
            failures.Add($"SessionAuthOptions.MaxSessionSize is {options.MaxSessionSize}; set it between 1,024 and 65,536 bytes.");
        }

        if (options.MaxAge < TimeSpan.FromMinutes(2))
        {
            failures.Add($"SessionAuthOptions.MaxAge is {options.MaxAge}; set it to at least two minutes.");
        }

        if (!LocalUrl.IsLocal(options.LoginPath))
        {
            failures.Add($"SessionAuthOptions.LoginPath '{options.LoginPath}' is not a local path. Set a path that starts with a single '/', such as '/login'.");
        }

        foreach (var (option, path) in new[] { ("LoginPath", options.LoginPath), ("AccessDeniedPath", options.AccessDeniedPath) })
        {
            // The return URL is appended as a query parameter: after a fragment it would never reach the server.
            if (path is not null && path.Contains('#', StringComparison.Ordinal))
            {
                failures.Add($"SessionAuthOptions.{option} '{path}' has a fragment ('#'); the return URL would land in it. Remove the fragment.");
            }
        }

        if (options.AccessDeniedPath is { } accessDeniedPath && !LocalUrl.IsLocal(accessDeniedPath))
        {
            failures.Add($"SessionAuthOptions.AccessDeniedPath '{accessDeniedPath}' is not a local path. Set a path that starts with a single '/', such as '/access-denied', or leave it unset for a plain 403.");
        }

        if (options.CircuitRevalidationInterval < TimeSpan.FromSeconds(1) || options.CircuitRevalidationInterval > TimeSpan.FromDays(1))
        {
            failures.Add($"SessionAuthOptions.CircuitRevalidationInterval is {options.CircuitRevalidationInterval}; set it between one second and one day (one minute unless set).");
        }

        if (string.IsNullOrWhiteSpace(options.ReturnUrlParameter))
        {
            failures.Add("SessionAuthOptions.ReturnUrlParameter is empty. Set the query-string name of the return URL, such as 'returnUrl'.");
        }

        if (string.IsNullOrEmpty(options.CookiePath) || options.CookiePath[0] != '/')
        {
            failures.Add($"SessionAuthOptions.CookiePath '{options.CookiePath}' must start with '/'.");
        }

        if (options.CookieSameSite == SameSiteMode.None && options.CookieSecurePolicy != CookieSecurePolicy.Always)
        {
            failures.Add("SessionAuthOptions.CookieSameSite is None, which browsers accept only on Secure cookies. Set CookieSecurePolicy to Always, or use Lax.");
        }

        foreach (var origin in options.TrustedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/" || origin.TrimEnd('/').Length != uri.GetLeftPart(UriPartial.Authority).Length)
            {
                failures.Add($"SessionAuthOptions.TrustedOrigins has '{origin}', which is not an origin. Write scheme, host and port only, such as 'https://app.example.com'.");
            }
        }

        foreach (var pattern in options.PreloadPaths)
        {
            if (SessionPreloader.TryParse(pattern, out _) is { } error)
            {
                failures.Add($"SessionAuthOptions.PreloadPaths has '{pattern}', which is not a route pattern: {error}");
            }
        }

        if (options.UsesServerStore)
        {
            ValidateServerStore(options, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateServerStore(SessionAuthOptions options, List<string> failures)
    {
        var store = options.ServerStore;
        if (string.IsNullOrEmpty(store.KeyPrefix))
        {
            failures.Add("SessionAuthOptions.ServerStore.KeyPrefix is empty. Set a prefix such as 'sessionauth:' so session keys cannot collide with other data in the cache.");
        }

        if (store.Timeout <= TimeSpan.Zero || store.Timeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"SessionAuthOptions.ServerStore.Timeout is {store.Timeout}; set it between a millisecond and a minute (the default is two seconds).");
        }

        if (store.SlidingExpiration is { } sliding && (sliding < TimeSpan.FromSeconds(1) || sliding > options.MaxAge))
        {
            failures.Add($"SessionAuthOptions.ServerStore.SlidingExpiration is {sliding}; set it between one second and MaxAge ({options.MaxAge}), or null for sessions that last MaxAge from login.");
        }

        if (store.RenewalInterval < TimeSpan.Zero || (store.SlidingExpiration is { } window && store.RenewalInterval >= window))
        {
            failures.Add($"SessionAuthOptions.ServerStore.RenewalInterval is {store.RenewalInterval}; set it to zero or more and shorter than SlidingExpiration, or a session could expire between renewals.");
        }
    }

    private static bool IsCookieName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var rune in name.EnumerateRunes())
        {
            if (!Rune.IsLetterOrDigit(rune) && rune.Value is not ('-' or '_' or '.') || rune.Value > 127)
            {
                return false;
            }
        }

        return true;
    }
}
