using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace SessionAuth.Tests;

/// <summary>Time that moves only when a test moves it; timers still run on the system clock.</summary>
internal sealed class ManualClock : TimeProvider
{
    public static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;

    public DateTimeOffset Now { get; set; } = Start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// An in-memory cache that counts what the server store asks of it, and can be made unreachable. The store only ever
/// reads, writes and removes asynchronously and never refreshes: anything else is a fault.
/// </summary>
internal sealed class TestCache : IDistributedCache
{
    private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));
    private int _reads;
    private int _writes;

    public int Reads => _reads;

    public int Writes => _writes;

    public System.Collections.Concurrent.ConcurrentQueue<string> ReadKeys { get; } = new();

    /// <summary>When set, every call fails as a cache client does when its server is down.</summary>
    public bool Unavailable { get; set; }

    public byte[]? Get(string key) => throw new InvalidOperationException("The store reads asynchronously.");

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        Reachable();
        Interlocked.Increment(ref _reads);
        ReadKeys.Enqueue(key);
        return _inner.GetAsync(key, token);
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw new InvalidOperationException("The store writes asynchronously.");

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Reachable();
        Interlocked.Increment(ref _writes);
        return _inner.SetAsync(key, value, options, token);
    }

    public void Refresh(string key) => throw new InvalidOperationException("The store never refreshes: it renews with a write.");

    public Task RefreshAsync(string key, CancellationToken token = default) => throw new InvalidOperationException("The store never refreshes: it renews with a write.");

    public void Remove(string key) => throw new InvalidOperationException("The store removes asynchronously.");

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Reachable();
        return _inner.RemoveAsync(key, token);
    }

    private void Reachable()
    {
        if (Unavailable)
        {
            throw new InvalidOperationException("The cache is unreachable.");
        }
    }
}
