using Microsoft.AspNetCore.OutputCaching;
using SessionAuth.TestApp;

namespace SessionAuth.ShapesApp;

// SAUTH0017 refuses [OutputCache] on a function that reads the session; suppressed so that the review's tests keep
// showing that the runtime never serves such an answer from the cache even when the attribute is there.
#pragma warning disable SAUTH0017
/// <summary>
/// Review 16b: a rule-guarded GET server function whose endpoint also carries [OutputCache], which the issue says means
/// on a server function what it means on a minimal API. The output cache middleware answers from its store before the
/// endpoint runs, so a guard that lives only inside the endpoint never sees a cached hit.
/// </summary>
public static class R16bCached
{
    [ServerFunction("/r16b/prefects-ledger", Method = "GET"), RequireSession<Prefect>, OutputCache]
    public static string Ledger(UserSession user) => $"the prefects' ledger, read by {user.Name}";
}
#pragma warning restore SAUTH0017
