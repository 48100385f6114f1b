using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.ObjectPool;

namespace SessionAuth;

/// <summary>The fixed part of a sealed session: who, since when, until when.</summary>
internal readonly record struct SealedSessionHeader(SessionId Id, long IssuedAt, long ExpiresAt);

/// <summary>
/// Seals session payloads into cookie values and opens them again: AES-256-GCM with a key derived by HKDF-SHA256 from
/// a password, a fresh 96-bit nonce per seal.
/// </summary>
/// <remarks>
/// A value reads <c>v1.{keyId}.{base64url(nonce ‖ ciphertext ‖ tag)}</c>. The key id (derived from the password, never
/// the key itself) lets a value sealed with an older password open while passwords rotate; the <c>v1.{keyId}</c>
/// prefix is authenticated as associated data. The plaintext is a version byte, the 16-byte session id, issued-at and
/// expiry as big-endian Unix seconds, then the session data as UTF-8 JSON.
/// </remarks>
internal sealed class SessionSealer
{
    public const int HeaderSize = 1 + SessionId.Size + sizeof(long) + sizeof(long);

    /// <summary>The default bound on a sealed value (<see cref="SessionAuthOptions.MaxSessionSize"/>).</summary>
    public const int MaxSealedLength = 16 * 1024;

    private const string FormatPrefix = "v1.";
    private const int KeyIdLength = 8;
    private const int PrefixLength = 3 + KeyIdLength + 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const byte PayloadVersion = 1;

    // A session issued a little in the future is clock skew between instances; more than this is not ours.
    private const long AllowedClockSkewSeconds = 5 * 60;

    private static readonly byte[] KeySalt = "SessionAuth/seal/v1"u8.ToArray();

    private readonly SealingKey[] _keys;
    private readonly int _maxLength;

    /// <param name="passwords">The passwords, newest first: the first seals, every one opens.</param>
    /// <param name="maxLength">Longer values are refused before any decoding, so hostile input stays cheap.</param>
    public SessionSealer(IReadOnlyList<string> passwords, int maxLength = MaxSealedLength)
    {
        _maxLength = maxLength;
        ArgumentOutOfRangeException.ThrowIfZero(passwords.Count);
        _keys = new SealingKey[passwords.Count];
        for (var i = 0; i < passwords.Count; i++)
        {
            _keys[i] = new SealingKey(passwords[i]);
        }
    }

    public string CurrentKeyId => _keys[0].Id;

    /// <summary>The largest plaintext that a value of <paramref name="valueLength"/> characters can hold.</summary>
    public static int GetMaxPlaintextLength(int valueLength) =>
        Math.Max(0, Base64Url.GetMaxDecodedLength(Math.Max(0, valueLength - PrefixLength)) - NonceSize - TagSize);

    public string Seal(SealedSessionHeader header, ReadOnlySpan<byte> data)
    {
        var key = _keys[0];
        var plaintextLength = HeaderSize + data.Length;
        var payloadLength = NonceSize + plaintextLength + TagSize;
        var rented = ArrayPool<byte>.Shared.Rent(plaintextLength + payloadLength);
        try
        {
            var plaintext = rented.AsSpan(0, plaintextLength);
            plaintext[0] = PayloadVersion;
            header.Id.Write(plaintext[1..]);
            BinaryPrimitives.WriteInt64BigEndian(plaintext[(1 + SessionId.Size)..], header.IssuedAt);
            BinaryPrimitives.WriteInt64BigEndian(plaintext[(1 + SessionId.Size + sizeof(long))..], header.ExpiresAt);
            data.CopyTo(plaintext[HeaderSize..]);

            var payload = rented.AsSpan(plaintextLength, payloadLength);
            var nonce = payload[..NonceSize];
            RandomNumberGenerator.Fill(nonce);
            key.Encrypt(nonce, plaintext, payload.Slice(NonceSize, plaintextLength), payload[^TagSize..]);

            return string.Concat(key.Prefix, Base64Url.EncodeToString(payload));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(rented.AsSpan(0, plaintextLength));
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Opens <paramref name="value"/> into <paramref name="plaintext"/>, which must hold
    /// <see cref="GetMaxPlaintextLength"/> bytes. On success the session data is
    /// <c>plaintext.Slice(HeaderSize, dataLength)</c>.
    /// </summary>
    public SessionRejection Open(ReadOnlySpan<char> value, long now, Span<byte> plaintext, out SealedSessionHeader header, out int dataLength)
    {
        header = default;
        dataLength = 0;
        if (value.Length > _maxLength)
        {
            return SessionRejection.TooLarge;
        }

        if (value.Length < PrefixLength || !value.StartsWith(FormatPrefix, StringComparison.Ordinal) || value[PrefixLength - 1] != '.')
        {
            return SessionRejection.Malformed;
        }

        var key = FindKey(value.Slice(FormatPrefix.Length, KeyIdLength));
        if (key is null)
        {
            return SessionRejection.UnknownKey;
        }

        var encoded = value[PrefixLength..];
        var maxPayloadLength = Base64Url.GetMaxDecodedLength(encoded.Length);
        if (maxPayloadLength < NonceSize + HeaderSize + TagSize)
        {
            return SessionRejection.Malformed;
        }

        byte[]? rented = null;
        var payload = maxPayloadLength <= 2048
            ? stackalloc byte[2048]
            : (rented = ArrayPool<byte>.Shared.Rent(maxPayloadLength));
        try
        {
            if (Base64Url.DecodeFromChars(encoded, payload, out _, out var payloadLength) != OperationStatus.Done
                || payloadLength < NonceSize + HeaderSize + TagSize
                || !IsCanonical(encoded, payload[..payloadLength]))
            {
                return SessionRejection.Malformed;
            }

            var plaintextLength = payloadLength - NonceSize - TagSize;
            var opened = plaintext[..plaintextLength];
            if (!key.TryDecrypt(payload[..NonceSize], payload.Slice(NonceSize, plaintextLength), payload.Slice(NonceSize + plaintextLength, TagSize), opened))
            {
                return SessionRejection.Tampered;
            }

            if (opened[0] != PayloadVersion)
            {
                return SessionRejection.UnsupportedVersion;
            }

            var id = SessionId.Read(opened[1..]);
            var issuedAt = BinaryPrimitives.ReadInt64BigEndian(opened[(1 + SessionId.Size)..]);
            var expiresAt = BinaryPrimitives.ReadInt64BigEndian(opened[(1 + SessionId.Size + sizeof(long))..]);
            if (id.IsEmpty || expiresAt < issuedAt)
            {
                return SessionRejection.Malformed;
            }

            var openedHeader = new SealedSessionHeader(id, issuedAt, expiresAt);
            var lifetime = CheckLifetime(openedHeader, now);
            if (lifetime != SessionRejection.None)
            {
                return lifetime;
            }

            header = openedHeader;
            dataLength = plaintextLength - HeaderSize;
            return SessionRejection.None;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Whether a session that opened is still within its lifetime at <paramref name="now"/> (Unix seconds).</summary>
    public static SessionRejection CheckLifetime(in SealedSessionHeader header, long now) =>
        header.ExpiresAt <= now ? SessionRejection.Expired
        : header.IssuedAt > now + AllowedClockSkewSeconds ? SessionRejection.IssuedInFuture
        : SessionRejection.None;

    /// <summary>
    /// Base64 decoders skip white space and may ignore the unused bits of the last character, so several strings can
    /// decode to the same bytes. Only the one string we wrote is accepted: no value opens that was not sealed as it is.
    /// </summary>
    private static bool IsCanonical(ReadOnlySpan<char> encoded, ReadOnlySpan<byte> decoded)
    {
        if (encoded.Length != Base64Url.GetEncodedLength(decoded.Length))
        {
            return false;
        }

        var remainder = decoded.Length % 3;
        if (remainder == 0)
        {
            return true;
        }

        Span<char> tail = stackalloc char[4];
        var written = Base64Url.EncodeToChars(decoded[^remainder..], tail);
        return encoded[^written..].SequenceEqual(tail[..written]);
    }

    private SealingKey? FindKey(ReadOnlySpan<char> keyId)
    {
        foreach (var key in _keys)
        {
            if (keyId.SequenceEqual(key.Id))
            {
                return key;
            }
        }

        return null;
    }

    private sealed class SealingKey
    {
        private readonly byte[] _associatedData;
        private readonly ObjectPool<AesGcm> _ciphers;

        public SealingKey(string password)
        {
            var secret = Encoding.UTF8.GetBytes(password);
            var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, KeySalt, "aes-256-gcm key"u8.ToArray());
            Id = Base64Url.EncodeToString(HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 6, KeySalt, "key id"u8.ToArray()));
            Prefix = FormatPrefix + Id + ".";
            _associatedData = Encoding.ASCII.GetBytes(FormatPrefix + Id);
            CryptographicOperations.ZeroMemory(secret);

            // AesGcm instances are not safe for concurrent use; a small pool keeps one per concurrent request.
            _ciphers = new DefaultObjectPool<AesGcm>(new CipherPolicy(key), Environment.ProcessorCount * 2);
        }

        public string Id { get; }

        public string Prefix { get; }

        public void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag)
        {
            var cipher = _ciphers.Get();
            try
            {
                cipher.Encrypt(nonce, plaintext, ciphertext, tag, _associatedData);
            }
            finally
            {
                _ciphers.Return(cipher);
            }
        }

        public bool TryDecrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext)
        {
            var cipher = _ciphers.Get();
            try
            {
                cipher.Decrypt(nonce, ciphertext, tag, plaintext, _associatedData);
                return true;
            }
            catch (CryptographicException)
            {
                // AesGcm reports a failed tag check only by throwing; only forged or damaged cookies reach this.
                return false;
            }
            finally
            {
                _ciphers.Return(cipher);
            }
        }

        private sealed class CipherPolicy(byte[] key) : PooledObjectPolicy<AesGcm>
        {
            public override AesGcm Create() => new(key, TagSize);

            public override bool Return(AesGcm obj) => true;
        }
    }
}
