using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace SessionAuth.Benchmarks;

/// <summary>
/// The valid-cookie path of <see cref="GuardBenchmarks"/> taken apart: the seal alone, AES-GCM alone and the JSON read
/// alone, so a regression in the guard can be traced to its step.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class OpenBenchmarks
{
    private static readonly BenchSession Data = new("u-1024", "Hermione Granger", ["student", "prefect"]);

    private readonly SessionSealer _sealer = new(["benchmark-password-of-at-least-32-characters"]);
    private readonly byte[] _plaintext = new byte[1024];
    private readonly AesGcm _aes = new(RandomNumberGenerator.GetBytes(32), 16);
    private readonly byte[] _nonce = RandomNumberGenerator.GetBytes(12);
    private readonly byte[] _tag = new byte[16];
    private byte[] _json = null!;
    private byte[] _ciphertext = null!;
    private string _sealed = null!;
    private long _now;

    [GlobalSetup]
    public void Setup()
    {
        _json = JsonSerializer.SerializeToUtf8Bytes(Data, BenchJsonContext.Default.BenchSession);
        _now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        _sealed = _sealer.Seal(new SealedSessionHeader(SessionId.NewId(), _now, _now + 3600), _json);
        _ciphertext = new byte[SessionSealer.HeaderSize + _json.Length];
        _aes.Encrypt(_nonce, _ciphertext, _ciphertext, _tag);
    }

    [Benchmark(Description = "SessionSealer.Open (base64url + AES-GCM + header)")]
    public bool Open() => SessionRejection.None == _sealer.Open(_sealed, _now, _plaintext, out _, out _);

    [Benchmark(Description = "AesGcm.Decrypt alone")]
    public void Decrypt() => _aes.Decrypt(_nonce, _ciphertext, _tag, _plaintext.AsSpan(0, _ciphertext.Length));

    [Benchmark(Description = "JSON read of the session data")]
    public BenchSession? Deserialize() => JsonSerializer.Deserialize(_json, BenchJsonContext.Default.BenchSession);
}
