using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

/// <summary>What an operator sees: rejected cookies counted by reason, refused requests counted by answer.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Rejections_are_counted_by_reason_and_refusals_by_answer()
    {
        await using var app = TestAppHost.Build();
        var meterFactory = app.Services.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentQueue<(string Instrument, string Tag)>();
        using var listener = new MeterListener
        {
            // Only this app's meter: other tests run their own apps in the same process.
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "SessionAuth" && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                measurements.Enqueue((instrument.Name, $"{tag.Key}={tag.Value}"));
            }
        });
        listener.Start();
        await app.StartAsync();
        using var client = new TestClient(new Uri(app.Urls.First()));
        client.Cookies.Add(client.Address, new Cookie("session", "v1.AAAAAAAA." + new string('A', 120)));

        (await client.FetchAsync("/_server/Account/Me")).Dispose();
        (await client.NavigateAsync("/api/students/Gryffindor")).Dispose();
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/_server/Account/Logout");
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        (await client.SendAsync(crossSite)).Dispose();

        var recorded = measurements.ToList();
        // Once per request: UseAuthentication() opens the cookie of the public page's request too.
        Assert.Equal(3, recorded.Count(m => m == ("sessionauth.cookie.rejected", "reason=unknown-key")));
        Assert.Contains(("sessionauth.request.denied", "answer=unauthorized"), recorded);
        Assert.Contains(("sessionauth.request.denied", "answer=redirect"), recorded);
        Assert.Contains(("sessionauth.request.denied", "answer=forbidden"), recorded);
    }
}
