using System.Diagnostics.Metrics;

namespace SessionAuth;

/// <summary>The <c>SessionAuth</c> meter: counts rejected cookies by reason and denied requests by answer.</summary>
internal sealed class SessionAuthMetrics
{
    public const string MeterName = "SessionAuth";
    public const string Redirect = "redirect";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string Unavailable = "unavailable";

    private readonly Counter<long> _rejectedCookies;
    private readonly Counter<long> _deniedRequests;
    private readonly Counter<long> _storeFailures;

    public SessionAuthMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _rejectedCookies = meter.CreateCounter<long>("sessionauth.cookie.rejected", unit: "{cookie}", description: "Session cookies that could not be opened, by reason.");
        _deniedRequests = meter.CreateCounter<long>("sessionauth.request.denied", unit: "{request}", description: "Requests refused by a guard, by answer: redirect and unauthorized (no session), forbidden (cross-site), unavailable (session store down).");
        _storeFailures = meter.CreateCounter<long>("sessionauth.store.failures", unit: "{operation}", description: "Server-side session store operations that failed or timed out, by operation.");
    }

    public void CookieRejected(SessionRejection reason) =>
        _rejectedCookies.Add(1, new KeyValuePair<string, object?>("reason", reason.ToName()));

    /// <param name="answer">One of <see cref="Redirect"/>, <see cref="Unauthorized"/>, <see cref="Forbidden"/>, <see cref="Unavailable"/>.</param>
    public void RequestDenied(string answer) =>
        _deniedRequests.Add(1, new KeyValuePair<string, object?>("answer", answer));

    /// <param name="operation">read, write, remove or revoke.</param>
    public void StoreFailed(string operation) =>
        _storeFailures.Add(1, new KeyValuePair<string, object?>("operation", operation));
}
