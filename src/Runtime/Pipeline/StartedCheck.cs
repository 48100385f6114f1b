using Microsoft.Extensions.Hosting;

namespace SessionAuth;

/// <summary>
/// A check that runs once the app has started (every hosted service, the web server included, so the pipeline is built
/// and every endpoint data source registered) and stops the start by throwing.
/// </summary>
internal abstract class StartedCheck : IHostedLifecycleService
{
    public abstract Task StartedAsync(CancellationToken cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
