using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Infrastructure;

namespace SessionAuth.Tests;

/// <summary>
/// Property-based tests over hostile request bodies (CsCheck), driving the argument reader directly with a body
/// stream, a content type and a charset. For every content type a server function reads (JSON, urlencoded form,
/// multipart form), valid bodies in every charset (supported, unknown, garbage), truncated, mutated, replaced by
/// noise, made structurally hostile, or cut off by the transport: no exception escapes, and the answer is the bound
/// arguments or a 4xx problem+json naming what failed, never a 5xx. An unmutated body in a supported charset must
/// bind to exactly the values sent, and each named hostile body must get its own status.
/// SESSIONAUTH_FUZZ_ITERATIONS raises the count for long runs.
/// </summary>
public sealed class HostileBodyTests
{
    public const long CasesPerContentType = 20_000;

    private const string Boundary = "----SessionAuthBoundary7MA4YWxkTrZu0gW";

    /// <summary>Small form limits, so that the generated bodies reach them.</summary>
    private static readonly FormOptions FormLimits = new() { ValueCountLimit = 8, ValueLengthLimit = 256, KeyLengthLimit = 64, MultipartHeadersLengthLimit = 512 };

    private static readonly ServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();
    private static readonly ParameterBinding<string> NameBinding = ParameterBinding.RequiredString("name", ArgumentSource.Body);
    private static readonly ParameterBinding<int> YearBinding = ParameterBinding.OptionalParsable("year", ArgumentSource.Body, 1);
    private static readonly ParameterBinding<Pet?> PetBinding = ParameterBinding.JsonOrService<Pet?>(Services, "pet", isRequired: false);

    /// <summary>Pieces names are made of: markup of every content type, escapes, non-ASCII, surrogate pairs.</summary>
    private static readonly string[] TextPieces =
        ["a", "Z", "0", " ", "&", "=", "+", "%", "%2", "\"", "\\", "\\u", "/", "<", ";", "é", "ß", "日本", "😀", "\u0001", "\n", "\r\n", "--", "name", "\u00a0", "\ufeff", "\uffff"];

    private static readonly string[] AsciiPieces = ["a", "Z", "0", " ", "&", "=", "+", "%", "\"", "\\", "/", "<", ";", "--", "name"];

    private static readonly (string Name, Encoding Encoding)[] JsonCharsets =
    [
        ("", Encoding.UTF8), ("utf-8", Encoding.UTF8), ("UTF-8", Encoding.UTF8), ("\"utf-8\"", Encoding.UTF8),
        ("utf-16", new UnicodeEncoding(false, false)), ("utf-16le", new UnicodeEncoding(false, false)), ("UTF-16BE", new UnicodeEncoding(true, false)),
        ("utf-32", new UTF32Encoding(false, false)), ("utf-32le", new UTF32Encoding(false, false)), ("utf-32be", new UTF32Encoding(true, false)),
    ];

    private static readonly string[] FormCharsets = ["", "utf-8", "UTF-8", "\"utf-8\"", "us-ascii"];

    /// <summary>Charsets that exist but that the reader refuses: 415 whatever the body.</summary>
    private static readonly string[] RefusedCharsets = ["latin1", "iso-8859-1", "windows-1252", "utf-7", "UTF-7", "utf-8x", "bogus", "ucs-2", "x-user-defined"];

    /// <summary>JSON as System.Text.Json writes it by default (non-ASCII escaped), and with non-ASCII as raw UTF-8.</summary>
    private static readonly JsonSerializerOptions EscapedJson = new();
    private static readonly JsonSerializerOptions RawJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string TokenCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~";

    private static readonly string[] ParameterNames = ["body", "name", "year", "pet"];

    private static long Iterations(long normal) =>
        long.TryParse(Environment.GetEnvironmentVariable("SESSIONAUTH_FUZZ_ITERATIONS"), out var requested) && requested > normal ? requested : normal;

    public sealed record Pet(string Name, int Age);

    public enum Format
    {
        Json,
        UrlEncoded,
        Multipart,
    }

    private enum Expected
    {
        /// <summary>Bound, to exactly the values sent.</summary>
        Bound,

        /// <summary>Refused with <see cref="BodyCase.Status"/>, naming the body.</summary>
        Status,

        /// <summary>Bound to anything, or refused with any 4xx.</summary>
        BoundOrRefused,

        /// <summary>The client went away: nothing is written.</summary>
        Aborted,
    }

    private sealed record BodyCase(string Label, string? ContentType, byte[] Body, long? ContentLength, Expected Expected, int Status, string Name, int Year, Pet? Pet, Func<byte[], Stream>? Transport = null, bool Aborted = false)
    {
        public override string ToString() => $"{Label}: {ContentType} [{Body.Length} bytes] {Encoding.UTF8.GetString(Body[..Math.Min(Body.Length, 300)])}";
    }

    /// <summary>What a client sends when it means well: a name, a year and, in JSON, an object.</summary>
    private static readonly Gen<(string Name, string AsciiName, int Year, Pet Pet)> Values =
        from name in Gen.OneOf(TextPieces).Array[0, 12]
        from ascii in Gen.OneOf(AsciiPieces).Array[0, 12]
        from year in Gen.Int
        from petName in Gen.OneOf(TextPieces).Array[0, 4]
        from age in Gen.Int[0, 30]
        select (string.Concat(name), string.Concat(ascii), year, new Pet(string.Concat(petName), age));

    private static Gen<BodyCase> Cases(Format format) =>
        from values in Values
        from charsetKind in Gen.Int[0, 9]
        from supportedIndex in Gen.Int[0, int.MaxValue]
        from refusedIndex in Gen.Int[0, int.MaxValue]
        from token in Gen.String[Gen.Char[TokenCharacters], 1, 12]
        from junk in Gen.String[Gen.Char, 0, 12]
        from mutation in Gen.Int[0, 20]
        from position in Gen.Int[0, int.MaxValue]
        from bit in Gen.Int[0, 7]
        from noise in Gen.Byte.Array[0, 200]
        from depth in Gen.Int[65, 400]
        select Build(format, values, charsetKind, supportedIndex, refusedIndex, token, junk, mutation, position, bit, noise, depth);

    private static BodyCase Build(Format format, (string Name, string AsciiName, int Year, Pet Pet) values, int charsetKind, int supportedIndex, int refusedIndex, string token, string junk, int mutation, int position, int bit, byte[] noise, int depth)
    {
        // Charset: 0-5 a supported one, 6-7 one that exists but is refused, 8 a random token, 9 random characters.
        string charset;
        Encoding encoding = Encoding.UTF8;
        var refused = false;
        if (charsetKind <= 5)
        {
            if (format == Format.Json)
            {
                (charset, encoding) = JsonCharsets[supportedIndex % JsonCharsets.Length];
            }
            else
            {
                charset = FormCharsets[supportedIndex % FormCharsets.Length];
            }
        }
        else if (charsetKind <= 7)
        {
            var names = format == Format.Json ? RefusedCharsets : [.. RefusedCharsets, "utf-16", "utf-16be", "utf-32"];
            charset = names[refusedIndex % names.Length];
            refused = true;
        }
        else if (charsetKind == 8)
        {
            charset = token;
            refused = !IsSupported(format, token);
        }
        else
        {
            charset = junk;
        }

        var name = format != Format.Json && charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase) ? values.AsciiName : values.Name;
        var mediaType = format switch
        {
            Format.Json => "application/json",
            Format.UrlEncoded => "application/x-www-form-urlencoded",
            _ => $"multipart/form-data; boundary={Boundary}",
        };
        var contentType = charset.Length == 0 && charsetKind <= 5 ? mediaType : $"{mediaType}; charset={charset}";
        var text = format switch
        {
            Format.Json => JsonSerializer.Serialize(new { name, year = values.Year, pet = new { name = values.Pet.Name, age = values.Pet.Age } }, supportedIndex % 2 == 0 ? EscapedJson : RawJson),
            Format.UrlEncoded => $"name={Uri.EscapeDataString(name)}&year={values.Year}",
            _ => Multipart(("name", name), ("year", values.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        };
        var body = encoding.GetBytes(text);
        var pet = format == Format.Json ? values.Pet : null;
        BodyCase Expect(string label, byte[] sent, Expected expected, int status = 0, long? contentLength = -1, Func<byte[], Stream>? transport = null, bool aborted = false, string? contentTypeSent = null) =>
            new(label, contentTypeSent ?? contentType, sent, contentLength == -1 ? sent.Length : contentLength, expected, status, name, values.Year, pet, transport, aborted);

        // ASP.NET Core's multipart reader reads each value with a StreamReader that takes a leading U+FEFF for a byte
        // order mark and drops it; such a value binds, but not to exactly what was sent.
        var valid = format == Format.Multipart && name.StartsWith('\ufeff') ? Expected.BoundOrRefused : Expected.Bound;
        var at = body.Length == 0 ? 0 : position % body.Length;

        // A transport fault must come before the end of the last boundary, or a multipart reader may be done without it.
        var cut = Math.Min(at, Math.Max(0, body.Length - 16));
        var loose = refused ? Expected.Status : Expected.BoundOrRefused;
        var looseStatus = refused ? 415 : 0;
        return mutation switch
        {
            <= 5 => charsetKind == 9 ? Expect("junk charset", body, Expected.BoundOrRefused)
                : refused ? Expect("refused charset", body, Expected.Status, 415)
                : Expect("valid", body, valid),
            6 => body.Length == 0 ? Expect("valid", body, valid) : Expect("truncated", body[..at], refused && at > 0 ? Expected.Status : Expected.BoundOrRefused, at > 0 ? looseStatus : 0),
            7 => Expect("truncated, Content-Length says more", body[..at], refused && at > 0 ? Expected.Status : Expected.BoundOrRefused, at > 0 ? looseStatus : 0, contentLength: body.Length),
            8 => Expect("bit flipped", Flip(body, at, bit), loose, looseStatus),
            9 => Expect("byte replaced", Replace(body, at, noise), loose, looseStatus),
            10 => Expect("bytes inserted", [.. body[..at], .. noise.AsSpan(0, Math.Min(noise.Length, 8)), .. body[at..]], loose, looseStatus),
            11 => Expect("noise", noise, noise.Length > 0 ? loose : Expected.BoundOrRefused, noise.Length > 0 ? looseStatus : 0),
            12 => Expect("no Content-Length, no charset", body, Expected.BoundOrRefused, contentLength: null, contentTypeSent: mediaType),
            13 => Expect("ended by the client (reset)", body, Expected.Aborted, transport: b => new FaultingStream(b, cut, () => new IOException("Connection reset by peer")), aborted: true, contentTypeSent: mediaType),
            14 => Expect("cancelled by the client", body, Expected.Aborted, transport: b => new FaultingStream(b, cut, () => new OperationCanceledException()), aborted: true, contentTypeSent: mediaType),
            15 => Expect("Kestrel: body over MaxRequestBodySize", body, Expected.Status, 413, transport: b => new FaultingStream(b, cut, () => new BadHttpRequestException("Request body too large.", 413)), contentTypeSent: mediaType),
            16 => Expect("Kestrel: body ended early", body, Expected.Status, 400, transport: b => new FaultingStream(b, cut, () => new BadHttpRequestException("Unexpected end of request content.", 400)), contentTypeSent: mediaType),
            17 => Expect("Kestrel: body too slow", body, Expected.Status, 408, transport: b => new FaultingStream(b, cut, () => new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly.", 408)), contentTypeSent: mediaType),
            _ => Hostile(format, mutation - 18 + (bit * 3), name, depth, noise, mediaType, Expect),
        };
    }

    /// <summary>The named hostile bodies of each content type, with the status each must get.</summary>
    private static BodyCase Hostile(Format format, int which, string name, int depth, byte[] noise, string mediaType, Func<string, byte[], Expected, int, long?, Func<byte[], Stream>?, bool, string?, BodyCase> expect)
    {
        BodyCase Refused(string label, byte[] body, int status, string? contentType = null) => expect(label, body, Expected.Status, status, -1, null, false, contentType ?? mediaType);
        var quoted = JsonSerializer.Serialize(name);
        if (format == Format.Json)
        {
            return (which % 9) switch
            {
                0 => Refused("invalid UTF-8 in a string", [.. "{\"name\":\"a"u8, 0xC3, 0x28, .. "\"}"u8], 400),
                1 => Refused("invalid UTF-8 in a member name", [.. "{\"na"u8, 0xFF, .. "me\":\"a\"}"u8], 400),
                2 => Refused("lone high surrogate escape", Encoding.UTF8.GetBytes($$"""{"name":"x\ud800{{quoted[1..^1]}}"}"""), 400),
                3 => Refused("lone low surrogate escape in a member name", "{\"\\udc00\":1,\"name\":\"a\"}"u8.ToArray(), 400),
                4 => Refused("not an object", Encoding.UTF8.GetBytes(new[] { "[1,2]", "42", "null", "true", quoted }[depth % 5]), 400),
                5 => Refused("nested beyond MaxDepth", Encoding.UTF8.GetBytes($"{{\"name\":{new string('[', depth)}{new string(']', depth)}}}"), 400),
                6 => Refused("duplicate member", Encoding.UTF8.GetBytes($"{{\"name\":{quoted},\"name\":\"other\"}}"), 400),
                7 => Refused("invalid UTF-16 in a utf-16 body", [0x7B, 0x00, 0x00, 0xD8, 0x7D, 0x00], 400, "application/json; charset=utf-16"),
                // The trailing comma keeps it from being JSON whatever the noise is ('{' and a '}' of noise would be).
                _ => Refused("a +json type that is not JSON", [(byte)'{', .. noise, (byte)','], 400, "application/problem+json"),
            };
        }

        if (format == Format.UrlEncoded)
        {
            return (which % 4) switch
            {
                0 => Refused("over the value count limit", Encoding.ASCII.GetBytes(string.Join('&', Enumerable.Range(0, FormLimits.ValueCountLimit + 1 + (depth % 20)).Select(i => $"k{i}=v"))), 413),
                1 => Refused("value over the length limit", Encoding.ASCII.GetBytes($"name={new string('x', FormLimits.ValueLengthLimit + 1 + depth)}"), 413),
                2 => Refused("key over the length limit", Encoding.ASCII.GetBytes($"{new string('k', FormLimits.KeyLengthLimit + 1 + depth)}=v"), 413),
                _ => Refused("refused charset, empty-looking body", "name=a"u8.ToArray(), 415, "application/x-www-form-urlencoded; charset=utf-16"),
            };
        }

        var valid = Encoding.UTF8.GetBytes(Multipart(("name", name)));
        return (which % 8) switch
        {
            0 => Refused("truncated before the closing boundary", valid[..Math.Max(Boundary.Length + 4, valid.Length - 8 - (depth % 8))], 400),
            1 => Refused("no boundary in the content type", valid, 400, "multipart/form-data"),
            2 => Refused("boundary over the length limit", valid, 413, $"multipart/form-data; boundary={new string('b', FormLimits.MultipartBoundaryLengthLimit + 1)}"),
            3 => Refused("section declares UTF-7", Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\nContent-Type: text/plain; charset=utf-7\r\n\r\nv\r\n--{Boundary}--\r\n"), 415),
            4 => Refused("section header without a colon", Encoding.UTF8.GetBytes($"--{Boundary}\r\nnot a header\r\n\r\nv\r\n--{Boundary}--\r\n"), 400),
            5 => Refused("invalid Content-Disposition", Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: ;;\r\n\r\nv\r\n--{Boundary}--\r\n"), 400),
            6 => Refused("over the value count limit", Encoding.UTF8.GetBytes(Multipart([.. Enumerable.Range(0, FormLimits.ValueCountLimit + 1).Select(i => ($"k{i}", "v"))])), 413),
            _ => Refused("section headers over the length limit", Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\nX-Padding: {new string('p', FormLimits.MultipartHeadersLengthLimit + depth)}\r\n\r\nv\r\n--{Boundary}--\r\n"), 413),
        };
    }

    private static bool IsSupported(Format format, string charset) =>
        format == Format.Json
            ? JsonCharsets.Any(c => c.Name.Equals(charset, StringComparison.OrdinalIgnoreCase))
            : FormCharsets.Any(c => c.Equals(charset, StringComparison.OrdinalIgnoreCase));

    private static string Multipart(params (string Name, string Value)[] fields) =>
        string.Concat(fields.Select(f => $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{f.Name}\"\r\n\r\n{f.Value}\r\n")) + $"--{Boundary}--\r\n";

    private static byte[] Flip(byte[] body, int at, int bit)
    {
        if (body.Length == 0)
        {
            return body;
        }

        var copy = (byte[])body.Clone();
        copy[at] ^= (byte)(1 << bit);
        return copy;
    }

    private static byte[] Replace(byte[] body, int at, byte[] noise)
    {
        if (body.Length == 0 || noise.Length == 0)
        {
            return body;
        }

        var copy = (byte[])body.Clone();
        copy[at] = noise[0];
        return copy;
    }

    private static async Task CheckAsync(BodyCase sample)
    {
        var httpContext = new DefaultHttpContext { RequestServices = Services, FormOptions = FormLimits };
        httpContext.Request.Method = HttpMethods.Post;
        httpContext.Request.ContentType = sample.ContentType;
        httpContext.Request.ContentLength = sample.ContentLength;
        httpContext.Request.Body = sample.Transport?.Invoke(sample.Body) ?? new MemoryStream(sample.Body);
        var response = new MemoryStream();
        httpContext.Response.Body = response;
        using var aborted = new CancellationTokenSource();
        if (sample.Aborted)
        {
            await aborted.CancelAsync();
            httpContext.RequestAborted = aborted.Token;
        }

        // What ServerFunctionEndpoint and a generated body do, in their order: read, stop on a refused body, bind.
        var arguments = await ServerFunctionArguments.ReadAsync(httpContext, readBody: true);
        var bodyRefused = arguments.HasFailed;
        string? name = null;
        var year = 0;
        Pet? pet = null;
        if (!bodyRefused)
        {
            _ = arguments.TryBind(NameBinding, out name) && arguments.TryBind(YearBinding, out year)
                && (sample.Pet is null || arguments.TryBind(PetBinding, out pet));
        }

        if (sample.Expected == Expected.Aborted)
        {
            Assert.True(arguments.IsAborted, "an aborted client's request must be recognised as aborted");
            Assert.Equal(0, response.Length);
            return;
        }

        Assert.False(arguments.IsAborted);
        if (!arguments.HasFailed)
        {
            Assert.True(sample.Expected is Expected.Bound or Expected.BoundOrRefused, $"bound, but {sample.Expected} {sample.Status} was expected");
            if (sample.Expected == Expected.Bound)
            {
                Assert.Equal(sample.Name, name);
                Assert.Equal(sample.Year, year);
                Assert.Equal(sample.Pet, pet);
            }

            return;
        }

        await arguments.WriteFailureAsync();
        var status = httpContext.Response.StatusCode;
        Assert.InRange(status, 400, 499);
        Assert.NotEqual(Expected.Bound, sample.Expected);
        if (sample.Expected == Expected.Status)
        {
            Assert.Equal(sample.Status, status);
            Assert.True(bodyRefused, "the body itself must be refused, before any parameter binds");
        }

        Assert.Equal("application/problem+json", httpContext.Response.ContentType);
        using var problem = JsonDocument.Parse(response.ToArray());
        var root = problem.RootElement;
        Assert.Equal(status, root.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("detail").GetString()));
        var parameter = root.GetProperty("parameter").GetString()!;
        Assert.Equal(bodyRefused ? "body" : parameter, parameter);
        Assert.Contains(parameter, ParameterNames);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("errors").GetProperty(parameter).ValueKind);
    }

    [Theory]
    [InlineData(Format.Json)]
    [InlineData(Format.UrlEncoded)]
    [InlineData(Format.Multipart)]
    public void Any_body_binds_or_is_a_4xx_problem_naming_the_failure(Format format) =>
        Cases(format).Sample(sample => CheckAsync(sample).GetAwaiter().GetResult(), iter: Iterations(CasesPerContentType));

    /// <summary>A body stream that gives its bytes up to a point, then fails as the transport would.</summary>
    private sealed class FaultingStream(byte[] data, int failAt, Func<Exception> fault) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= failAt)
            {
                throw fault();
            }

            var count = Math.Min(buffer.Length, Math.Min(failAt, data.Length) - _position);
            data.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
