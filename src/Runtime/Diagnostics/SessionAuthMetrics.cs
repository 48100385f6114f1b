using System.Diagnostics.Metrics;

namespace SessionAuth;

/// <summary>The <c>SessionAuth</c> meter: counts rejected cookies by reason and denied requests by answer.</summary>
internal sealed class SessionAuthMetrics
{
    public const string MeterName = "SessionAuth";

    private readonly Counter<long> _rejectedCookies;
    private readonly Counter<long> _deniedRequests;

    public SessionAuthMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _rejectedCookies = meter.CreateCounter<long>("sessionauth.cookie.rejected", unit: "{cookie}", description: "Session cookies that could not be opened, by reason.");
        _deniedRequests = meter.CreateCounter<long>("sessionauth.request.denied", unit: "{request}", description: "Requests to guarded endpoints that had no session, by answer.");
    }

    public void CookieRejected(SessionRejection reason) =>
        _rejectedCookies.Add(1, new KeyValuePair<string, object?>("reason", reason.ToName()));

    public void RequestDenied(bool redirected) =>
        _deniedRequests.Add(1, new KeyValuePair<string, object?>("answer", redirected ? "redirect" : "unauthorized"));
}
