using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace SessionAuth.Tests;

/// <summary>
/// Issue 21 review, S7: connection endpoints over HTTP on Kestrel, as an anonymous client. <c>MapConnections</c> answers
/// anyone; <c>MapConnectionHandler&lt;T&gt;</c> carries the handler class's attributes as endpoint metadata, which is why
/// SAUTH0001 takes <c>[Authorize]</c> on the class as a decision (Connection_endpoints_are_decided_by_their_class_or_builder).
/// </summary>
public sealed class ConnectionEndpointHttpTests
{
    [Fact]
    public async Task A_connection_handler_carries_its_class_attributes_and_raw_connections_answer_anyone()
    {
        await using var app = await CookieAuthApp.StartAsync(
            app =>
            {
                app.MapConnectionHandler<GuardedEcho>("/guarded");
                app.MapConnectionHandler<OpenEcho>("/echo");
                app.MapConnections("/raw", connection => connection.Use(next => next));
            },
            services => services.AddConnections());
        using var http = CookieAuthApp.Client(app);

        using var guarded = await http.PostAsync(new Uri("/guarded/negotiate?negotiateVersion=1", UriKind.Relative), null);
        using var handler = await http.PostAsync(new Uri("/echo/negotiate?negotiateVersion=1", UriKind.Relative), null);
        using var raw = await http.PostAsync(new Uri("/raw/negotiate?negotiateVersion=1", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Unauthorized, guarded.StatusCode);           // refused: [Authorize] on the handler class decides
        Assert.Equal(HttpStatusCode.OK, handler.StatusCode);                     // SAUTH0001 fires: MapConnectionHandler_without_a_guard_is_reported
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);                         // SAUTH0001 fires: MapConnections_without_a_guard_is_reported
    }

    [Authorize]
    public sealed class GuardedEcho : ConnectionHandler
    {
        public override Task OnConnectedAsync(ConnectionContext connection) => Task.CompletedTask;
    }

    public sealed class OpenEcho : ConnectionHandler
    {
        public override Task OnConnectedAsync(ConnectionContext connection) => Task.CompletedTask;
    }
}
