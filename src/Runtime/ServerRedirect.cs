using System.Diagnostics.CodeAnalysis;

namespace SessionAuth;

/// <summary>
/// Thrown anywhere inside a server function, at any depth of calls, to send the caller elsewhere — SolidStart's
/// <c>throw redirect("/login")</c>. The server function answers each caller in its own terms: a navigation gets
/// <c>302 Found</c>, a form post <c>303 See Other</c>, Blazor's enhanced navigation what it follows in place, and a
/// script (<c>fetch</c>, XHR, a JSON client) <c>204 No Content</c> with the URL in the
/// <see cref="SessionAuthDefaults.ServerRedirectHeaderName"/> header, which <c>fetch</c> does not follow on its own.
/// </summary>
/// <remarks>
/// <para>
/// A redirect <see cref="Microsoft.AspNetCore.Http.IResult"/> a server function returns (<c>Results.Redirect</c>,
/// <c>TypedResults.LocalRedirect</c>, ...) is answered the same way.
/// </para>
/// <para>
/// The URL must be a path on this site (checked as <see cref="ReturnUrls.IsLocal"/> checks return URLs) unless the
/// redirect is made with <c>allowExternal: true</c>. A path is sent as written, as <c>Results.Redirect</c> sends it (a
/// return URL the guard gave already holds the app's path base); <c>~/path</c> is a path under the app's path base,
/// as <c>LocalRedirect("~/path")</c> reads it.
/// </para>
/// <para>
/// Response headers the function set before throwing (a session cookie, for one) are kept, except those that describe
/// a body (<c>Content-Type</c>, <c>Content-Length</c>, ...) and <c>Cache-Control</c>, which becomes <c>no-store</c>.
/// Once the response has started, a redirect can no longer be answered, and the exception goes on to the server as any
/// other.
/// </para>
/// </remarks>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Read as a statement at the throw: throw new ServerRedirect(\"/login\"), as SolidStart's throw redirect(\"/login\").")]
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "A redirect without a URL means nothing: every constructor takes one.")]
public sealed class ServerRedirect : Exception
{
    private const string AppRelativePrefix = "~/";

    /// <summary>Creates a redirect to <paramref name="url"/>, a path on this site unless <paramref name="allowExternal"/> says otherwise.</summary>
    /// <param name="url">
    /// Where to send the caller: a path on this site (<c>/login?returnUrl=%2Fstudents</c>), or, with
    /// <paramref name="allowExternal"/>, an absolute <c>http</c> or <c>https</c> URL as well.
    /// </param>
    /// <param name="allowExternal">
    /// <see langword="true"/> to allow a URL on another site. Never pass a URL taken from the request with it: that is an
    /// open redirect.
    /// </param>
    /// <exception cref="ArgumentException">
    /// <paramref name="url"/> is not a local path (and <paramref name="allowExternal"/> is <see langword="false"/>), or
    /// is not an absolute <c>http</c>/<c>https</c> URL either.
    /// </exception>
    public ServerRedirect(string url, bool allowExternal = false)
        : base(MessageOf(url))
    {
        ArgumentNullException.ThrowIfNull(url);
        var appRelative = url.StartsWith(AppRelativePrefix, StringComparison.Ordinal);
        if (LocalUrl.ToHeaderSafe(appRelative ? url[1..] : url) is { } local)
        {
            Url = appRelative ? "~" + local : local;
            return;
        }

        if (!allowExternal)
        {
            throw new ArgumentException(
                $"ServerRedirect '{url}' is not a path on this site. Use a path that starts with a single '/', such as '/login' (or '~/login' under the app's path base); for a URL on another site, pass allowExternal: true.",
                nameof(url));
        }

        Url = LocalUrl.ToHeaderSafeAbsolute(url) ?? throw new ArgumentException(
            $"ServerRedirect '{url}' is neither a path on this site nor an absolute http or https URL.",
            nameof(url));
        IsExternal = true;
    }

    /// <summary>
    /// The URL the caller is sent to, encoded to stand in a response header (non-ASCII characters percent-encoded, an
    /// international host name in its ASCII form): a path on this site as given (<c>/login</c>), a path under the app's
    /// path base (<c>~/login</c>), or, when <see cref="IsExternal"/>, an absolute URL.
    /// </summary>
    public string Url { get; }

    /// <summary>Whether <see cref="Url"/> is on another site (an absolute URL, allowed with <c>allowExternal: true</c>); otherwise it is a path on this site.</summary>
    public bool IsExternal { get; }

    private static string MessageOf(string? url) => $"A server function redirected its caller to '{url}'.";
}
