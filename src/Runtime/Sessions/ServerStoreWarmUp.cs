using Microsoft.Extensions.Hosting;

namespace SessionAuth;

/// <summary>
/// With the server store, connects the cache client while the app starts (bounded by
/// <see cref="ServerSessionStoreOptions.Timeout"/>); in cookie mode it does nothing.
/// </summary>
internal sealed class ServerStoreWarmUp(IServerSessionMode sessions) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => sessions.UsesServerStore ? sessions.WarmUpAsync() : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
