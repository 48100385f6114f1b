using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

/// <summary>
/// The named hostile bodies of each content type, sent to a server function on Kestrel with a request body limit of
/// <see cref="MaxBodySize"/> bytes and a form value count limit of <see cref="MaxFormValues"/>: each is a 4xx
/// problem+json, nothing is logged above Debug, and a normal call right after is served.
/// </summary>
public sealed class HostileBodyHttpTests : IAsyncLifetime, IDisposable
{
    private const int MaxBodySize = 16 * 1024;
    private const int MaxFormValues = 16;
    private const string Boundary = "hostile-boundary-42";
    private const string Echo = "/_server/Bodies/Echo";

    private readonly ListLoggerProvider _logs = new();
    private WebApplication _app = null!;
    private TestClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = TestAppHost.Build(configureBuilder: builder =>
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodySize);
            builder.Services.Configure<FormOptions>(form => form.ValueCountLimit = MaxFormValues);
            builder.Logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug);
        });
        await _app.StartAsync();
        _client = new TestClient(new Uri(_app.Urls.First()));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public void Dispose()
    {
        _client?.Dispose();
        _logs.Dispose();
    }

    private static ByteArrayContent Body(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static ByteArrayContent Body(string text, string contentType) => Body(Encoding.UTF8.GetBytes(text), contentType);

    private static string Multipart(params (string Name, string Value)[] fields) =>
        string.Concat(fields.Select(f => $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{f.Name}\"\r\n\r\n{f.Value}\r\n")) + $"--{Boundary}--\r\n";

    private async Task<HttpResponseMessage> PostAsync(HttpContent content, bool chunked = false)
    {
        if (chunked)
        {
            // A body of unknown length: Kestrel can only find it too large while it is read.
            content = new StreamContent(await content.ReadAsStreamAsync()) { Headers = { ContentType = content.Headers.ContentType } };
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, Echo) { Content = content };
        if (chunked)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        return await _client.SendAsync(request);
    }

    /// <summary>Sends a hostile body, checks its answer, then checks that a normal call is still served.</summary>
    private async Task AssertRefusedAsync(HttpContent hostile, HttpStatusCode status, string detailContains, HttpContent normal, bool chunked = false)
    {
        using (var response = await PostAsync(hostile, chunked))
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Equal("body", problem.RootElement.GetProperty("parameter").GetString());
            Assert.Contains(detailContains, problem.RootElement.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        }

        using (var response = await PostAsync(normal))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("\"Luna (5)\"", await response.Content.ReadAsStringAsync());
        }

        AssertNothingLoggedAboveDebug();
    }

    private void AssertNothingLoggedAboveDebug() =>
        Assert.False(_logs.Messages.Any(IsServerError), string.Join("\n", _logs.Messages.Where(IsServerError).Select(m => $"{m.Category}: {m.Text}")));

    // After a client resets mid-body, Kestrel itself may log (Error) that it could not drain the rest of the body;
    // that is the transport's note about a connection already gone, not a failure of the request's handling.
    private static bool IsServerError((LogLevel Level, string Category, string Text) message) =>
        message.Level >= LogLevel.Warning && !message.Text.Contains("automatic draining of the request body failed", StringComparison.Ordinal);

    private static ByteArrayContent NormalJson() => Body("""{"name":"Luna","year":5}""", "application/json");

    [Fact]
    public async Task Hostile_json_bodies_are_4xx_problems_and_the_app_keeps_serving()
    {
        await AssertRefusedAsync(Body([.. """{"name":"Lu"""u8, 0xC3, 0x28, .. "\"}"u8], "application/json"), HttpStatusCode.BadRequest, "UTF-8", NormalJson());
        await AssertRefusedAsync(Body("""{"name":"\ud800"}""", "application/json"), HttpStatusCode.BadRequest, "surrogate", NormalJson());
        await AssertRefusedAsync(Body("""{"\udc00":1,"name":"Luna"}""", "application/json"), HttpStatusCode.BadRequest, "UTF-16", NormalJson());
        await AssertRefusedAsync(Body("""{"name":"Luna"}""", "application/json; charset=latin1"), HttpStatusCode.UnsupportedMediaType, "latin1", NormalJson());
        await AssertRefusedAsync(Body("""{"name":"Luna"}""", "application/json; charset=bogus"), HttpStatusCode.UnsupportedMediaType, "bogus", NormalJson());
        await AssertRefusedAsync(Body([0x7B, 0x00, 0x00, 0xD8, 0x7D, 0x00], "application/json; charset=utf-16"), HttpStatusCode.BadRequest, "translate", NormalJson());
        await AssertRefusedAsync(Body("""["Luna"]""", "application/json"), HttpStatusCode.BadRequest, "JSON object", NormalJson());
        await AssertRefusedAsync(Body("null", "application/json"), HttpStatusCode.BadRequest, "JSON object", NormalJson());
        await AssertRefusedAsync(Body($"{{\"name\":{new string('[', 100)}{new string(']', 100)}}}", "application/json"), HttpStatusCode.BadRequest, "depth", NormalJson());
        await AssertRefusedAsync(Body("""{"name":"Luna","name":"Ginny"}""", "application/json"), HttpStatusCode.BadRequest, "Duplicate", NormalJson());
        await AssertRefusedAsync(Body("""{"name":"Lu""", "application/json"), HttpStatusCode.BadRequest, "not valid JSON", NormalJson());
        await AssertRefusedAsync(Body($"{{\"name\":\"{new string('x', MaxBodySize)}\"}}", "application/json"), HttpStatusCode.RequestEntityTooLarge, "too large", NormalJson());
        await AssertRefusedAsync(Body($"{{\"name\":\"{new string('x', MaxBodySize)}\"}}", "application/json"), HttpStatusCode.RequestEntityTooLarge, "too large", NormalJson(), chunked: true);

        // The JSON variants that are read: another charset, a +json type.
        using var utf16 = await PostAsync(Body(Encoding.Unicode.GetBytes("""{"name":"Luna","year":5}"""), "application/json; charset=utf-16"));
        Assert.Equal("\"Luna (5)\"", await utf16.Content.ReadAsStringAsync());
        using var ldJson = await PostAsync(Body("""{"name":"Luna","year":5}""", "application/ld+json"));
        Assert.Equal("\"Luna (5)\"", await ldJson.Content.ReadAsStringAsync());
        Assert.Contains(_logs.Messages, m => m.Level == LogLevel.Debug && m.Text.Contains("cannot read; answered 400", StringComparison.Ordinal));
    }

    /// <summary>
    /// One argument given twice, in any body or the query string: parameters bind ignoring case, so a proxy or a
    /// validator in front could have read the other value. Refused, never a guess.
    /// </summary>
    [Theory]
    [InlineData("""{"NAME":"Draco","Name":"Luna","year":5}""", "application/json", "body", "more than once")]
    [InlineData("""{"name":"Luna","year":5,"YEAR":7}""", "application/json", "body", "more than once")]
    [InlineData("name=Draco&name=Luna&year=5", "application/x-www-form-urlencoded", "name", "more than once")]
    [InlineData("name=Luna&year=5&year=7", "application/x-www-form-urlencoded", "year", "more than once")]
    public async Task An_argument_given_twice_is_refused(string body, string contentType, string parameter, string detailContains)
    {
        using var response = await PostAsync(Body(body, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(parameter, problem.RootElement.GetProperty("parameter").GetString());
        Assert.Contains(detailContains, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_form_bodies_are_4xx_problems_and_the_app_keeps_serving()
    {
        static HttpContent Normal() => new FormUrlEncodedContent([new("name", "Luna"), new("year", "5")]);
        const string Form = "application/x-www-form-urlencoded";

        await AssertRefusedAsync(Body("name=Luna", $"{Form}; charset=utf-16"), HttpStatusCode.UnsupportedMediaType, "utf-16", Normal());
        await AssertRefusedAsync(Body("name=Luna", $"{Form}; charset=utf-7"), HttpStatusCode.UnsupportedMediaType, "utf-7", Normal());
        await AssertRefusedAsync(Body("name=Luna", $"{Form}; charset=bogus"), HttpStatusCode.UnsupportedMediaType, "bogus", Normal());
        await AssertRefusedAsync(Body(string.Join('&', Enumerable.Range(0, MaxFormValues + 1).Select(i => $"k{i}=v")), Form), HttpStatusCode.RequestEntityTooLarge, "value count limit", Normal());
        await AssertRefusedAsync(Body($"name={new string('x', MaxBodySize)}", Form), HttpStatusCode.RequestEntityTooLarge, "too large", Normal());
        await AssertRefusedAsync(Body($"name={new string('x', MaxBodySize)}", Form), HttpStatusCode.RequestEntityTooLarge, "too large", Normal(), chunked: true);

        // Bytes that are not UTF-8 are read as U+FFFD, as ASP.NET Core reads every form; no 500 either way.
        using var invalidUtf8 = await PostAsync(Body([.. "name=Lu"u8, 0xFF, .. "&year=5"u8], Form));
        Assert.Equal("\"Lu\uFFFD (5)\"", await invalidUtf8.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Hostile_multipart_bodies_are_4xx_problems_and_the_app_keeps_serving()
    {
        static HttpContent Normal() => new MultipartFormDataContent { { new StringContent("Luna"), "name" }, { new StringContent("5"), "year" } };
        const string Multipart = $"multipart/form-data; boundary={Boundary}";
        var valid = HostileBodyHttpTests.Multipart(("name", "Luna"), ("year", "5"));

        await AssertRefusedAsync(Body(valid[..^12], Multipart), HttpStatusCode.BadRequest, "Unexpected end", Normal());
        await AssertRefusedAsync(Body(valid, "multipart/form-data"), HttpStatusCode.BadRequest, "boundary", Normal());
        await AssertRefusedAsync(Body(valid, $"{Multipart}; charset=utf-32"), HttpStatusCode.UnsupportedMediaType, "utf-32", Normal());
        await AssertRefusedAsync(Body($"--{Boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\nContent-Type: text/plain; charset=utf-7\r\n\r\nLuna\r\n--{Boundary}--\r\n", Multipart), HttpStatusCode.UnsupportedMediaType, "UTF-7", Normal());
        await AssertRefusedAsync(Body($"--{Boundary}\r\nno colon here\r\n\r\nLuna\r\n--{Boundary}--\r\n", Multipart), HttpStatusCode.BadRequest, "header", Normal());
        await AssertRefusedAsync(Body(HostileBodyHttpTests.Multipart([.. Enumerable.Range(0, MaxFormValues + 1).Select(i => ($"k{i}", "v"))]), Multipart), HttpStatusCode.RequestEntityTooLarge, "value count limit", Normal());
        await AssertRefusedAsync(Body(HostileBodyHttpTests.Multipart(("name", new string('x', MaxBodySize))), Multipart), HttpStatusCode.RequestEntityTooLarge, "too large", Normal());
        await AssertRefusedAsync(Body(HostileBodyHttpTests.Multipart(("name", new string('x', MaxBodySize))), Multipart), HttpStatusCode.RequestEntityTooLarge, "too large", Normal(), chunked: true);
    }

    /// <summary>Sends a request by hand, so that its body can end early; returns what the server answered, if anything.</summary>
    private async Task<string> SendRawAsync(string headers, byte[] body, bool reset)
    {
        var address = new Uri(_app.Urls.First());
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(address.Host, address.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes(headers));
        await socket.SendAsync(body);

        // Ends the connection only once the function is reading the body; before that, Kestrel drops the request itself.
        for (var i = 0; i < 200 && !_logs.Messages.Any(m => m.Text.Contains("Executing endpoint 'Server function Bodies.Echo'", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(50);
        }

        if (reset)
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
            return string.Empty;
        }

        socket.Shutdown(SocketShutdown.Send);
        var answer = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        try
        {
            while ((read = await socket.ReceiveAsync(buffer)) > 0)
            {
                answer.Write(buffer, 0, read);
            }
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
        {
            // Kestrel resets a connection whose request body ended early, sometimes before its answer is read.
        }

        return Encoding.UTF8.GetString(answer.ToArray());
    }

    /// <summary>
    /// Kestrel takes a connection closed mid-body (FIN before Content-Length bytes, or a reset) for a client that went
    /// away: the request is aborted, so it is logged at Debug and not answered, and the next call is served.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_that_ends_before_its_content_length_is_an_aborted_request_not_an_error(bool reset)
    {
        var headers = $"POST {Echo} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n";

        var answer = await SendRawAsync(headers, """{"name":"Lu"""u8.ToArray(), reset);

        Assert.Equal(string.Empty, answer);
        // Kestrel may end the read with "Unexpected end of request content" (400) before it marks the request aborted;
        // either way the reader logs it at Debug, and there is no one left to read an answer.
        for (var i = 0; i < 200 && !_logs.Messages.Any(m => m.Category == "SessionAuth.Arguments"); i++)
        {
            await Task.Delay(50);
        }

        var logged = Assert.Single(_logs.Messages, m => m.Category == "SessionAuth.Arguments");
        Assert.Equal(LogLevel.Debug, logged.Level);
        Assert.True(logged.Text.Contains("aborted the request", StringComparison.Ordinal) || logged.Text.Contains("answered 400", StringComparison.Ordinal), logged.Text);
        using var normal = await PostAsync(NormalJson());
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
        AssertNothingLoggedAboveDebug();
    }

    /// <summary>The limits the README states for a server function's body are the framework's defaults.</summary>
    [Fact]
    public void The_body_limits_the_readme_states_are_the_defaults()
    {
        Assert.Equal(30_000_000, new Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions().Limits.MaxRequestBodySize);
        var form = new FormOptions();
        Assert.Equal(1024, form.ValueCountLimit);
        Assert.Equal(4 * 1024 * 1024, form.ValueLengthLimit);
        Assert.Equal(128, form.MultipartBoundaryLengthLimit);
        Assert.Equal(16 * 1024, form.MultipartHeadersLengthLimit);
    }
}
