using System.Diagnostics.Metrics;

namespace SessionAuth;

/// <summary>The <c>SessionAuth</c> meter: counts rejected cookies by reason and denied requests by answer.</summary>
internal sealed class SessionAuthMetrics
{
    public const string MeterName = "SessionAuth";
    public const string Redirect = "redirect";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";

    private readonly Counter<long> _rejectedCookies;
    private readonly Counter<long> _deniedRequests;

    public SessionAuthMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _rejectedCookies = meter.CreateCounter<long>("sessionauth.cookie.rejected", unit: "{cookie}", description: "Session cookies that could not be opened, by reason.");
        _deniedRequests = meter.CreateCounter<long>("sessionauth.request.denied", unit: "{request}", description: "Requests refused by a guard, by answer: redirect and unauthorized (no session), forbidden (cross-site).");
    }

    public void CookieRejected(SessionRejection reason) =>
        _rejectedCookies.Add(1, new KeyValuePair<string, object?>("reason", reason.ToName()));

    /// <param name="answer">One of <see cref="Redirect"/>, <see cref="Unauthorized"/>, <see cref="Forbidden"/>.</param>
    public void RequestDenied(string answer) =>
        _deniedRequests.Add(1, new KeyValuePair<string, object?>("answer", answer));
}
