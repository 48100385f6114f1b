using System.Collections.Concurrent;

namespace SessionAuth;

/// <summary>
/// Remembers what recently opened cookies contained, so the next request with the same cookie skips base64 and
/// AES-GCM: a browser sends one cookie value many times, and opening it is most of the guard's cost.
/// </summary>
/// <remarks>
/// Keyed by the exact cookie value: only a value that opened with our key is ever stored, and the same value always
/// opens to the same bytes, so a hit answers exactly what opening would. Expiry is checked on every hit. The plaintext
/// is kept, and the session data read from it only for a type declared immutable (<c>ImmutableSessionData</c>): any
/// other type is read from JSON on every request, so no request ever shares an object another could change.
/// Bounded: past <see cref="Capacity"/> entries the cache starts again from empty.
/// </remarks>
internal sealed class OpenedCookieCache
{
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, OpenedCookie> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OpenedCookie>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private int _count;

    public OpenedCookieCache()
    {
        _bySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryGet(ReadOnlySpan<char> value, out OpenedCookie opened) => _bySpan.TryGetValue(value, out opened!);

    public OpenedCookie Add(ReadOnlySpan<char> value, SealedSessionHeader header, ReadOnlySpan<byte> payload)
    {
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _count, 1);
        }

        var opened = new OpenedCookie(header, payload.ToArray());
        _bySpan.TryAdd(value, opened);
        return opened;
    }
}

/// <summary>A cookie as it opened: its header, the sealed payload after it, and for an immutable type the data read from it.</summary>
internal sealed class OpenedCookie(SealedSessionHeader header, byte[] payload)
{
    public SealedSessionHeader Header { get; } = header;

    public byte[] Payload { get; } = payload;

    /// <summary>
    /// The session data read from <see cref="Payload"/>, kept only for a type declared immutable. Two requests may both
    /// read it the first time; each sets an equal object, and either may stay.
    /// </summary>
    public object? SharedData { get; set; }
}
