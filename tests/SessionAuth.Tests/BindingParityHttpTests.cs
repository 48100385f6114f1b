using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SessionAuth.Tests;

/// <summary>
/// Server functions bind as minimal APIs bind. Each test sends real requests over Kestrel to a server function of
/// <c>SessionAuth.TestApp.Binding</c> that echoes what it was given and, where the same method is also mapped as a
/// minimal API (compiled by the Request Delegate Generator, under <c>/minimal</c>), the same request to it: the two
/// answers must agree. Where they differ on purpose (the README's binding table says so), the test says which way.
/// </summary>
public sealed partial class BindingParityHttpTests(TestAppFixture fixture) : IClassFixture<TestAppFixture>, IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Address };

    public void Dispose() => _http.Dispose();

    /// <summary>Status and text of an answer: a JSON string (how server functions write a string) is unwrapped.</summary>
    private static async Task<(HttpStatusCode Status, string Text)> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType == "application/json" && text.StartsWith('"'))
        {
            text = JsonSerializer.Deserialize<string>(text)!;
        }

        return (response.StatusCode, text);
    }

    private async Task<(HttpStatusCode Status, string Text)> SendAsync(Func<string, HttpRequestMessage> request, string path)
    {
        using var message = request(path);
        using var response = await _http.SendAsync(message);
        return await ReadAsync(response);
    }

    /// <summary>Sends one request to the server function and the same to its minimal API twin; both must agree, and match <paramref name="expected"/>.</summary>
    private async Task<string> BothAsync(Func<string, HttpRequestMessage> request, string path, HttpStatusCode expectedStatus, string? expected = null)
    {
        var ours = await SendAsync(request, path);
        var minimal = await SendAsync(request, "/minimal" + path);
        Assert.Equal(expectedStatus, ours.Status);
        Assert.Equal(expectedStatus, minimal.Status);
        if (expectedStatus == HttpStatusCode.OK)
        {
            Assert.Equal(minimal.Text, ours.Text);
        }

        if (expected is not null)
        {
            Assert.Equal(expected, ours.Text);
        }

        return ours.Text;
    }

    private static Func<string, HttpRequestMessage> Get(params (string Name, string Value)[] headers) => path =>
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return request;
    };

    private static Func<string, HttpRequestMessage> Post(Func<HttpContent?> content) => path => new HttpRequestMessage(HttpMethod.Post, path) { Content = content() };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Binding_attributes_choose_the_source_and_the_name()
    {
        await BothAsync(Get(("X-Tenant", "hogwarts")), "/binding/attributes/7?q=owls&page=3", HttpStatusCode.OK, "7|owls|hogwarts|3");

        // [FromQuery(Name = "q")] reads q, never the parameter's own name; the route value is not the query's.
        await BothAsync(Get(("X-Tenant", "hogwarts")), "/binding/attributes/7?text=owls&productId=9", HttpStatusCode.OK, "7||hogwarts|1");

        // A required header that is missing is a 400 in both.
        await BothAsync(Get(), "/binding/attributes/7", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Repeated_query_keys_bind_every_value_into_arrays_and_StringValues()
    {
        await BothAsync(Get(), "/binding/arrays?ids=1&ids=2&names=a&names=&tags=New&tags=Sale&raw=x&raw=y", HttpStatusCode.OK, "1,2|a,|New,Sale|2:x,y");
        await BothAsync(Get(), "/binding/arrays?ids=5", HttpStatusCode.OK, "5|||0:");
        await BothAsync(Get(), "/binding/arrays", HttpStatusCode.OK, "|||0:");
        await BothAsync(Get(), "/binding/arrays?ids=1&ids=x", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_repeated_key_for_one_value_is_still_refused_where_minimal_APIs_would_pick()
    {
        var (status, _) = await SendAsync(Get(), "/binding/flags?tags=New&tags=Sale");
        Assert.Equal(HttpStatusCode.BadRequest, status);

        // The documented difference: a minimal API joins the values and reads "a,b".
        (status, _) = await SendAsync(Get(("X-Tenant", "t")), "/binding/attributes/7?q=a&q=b");
        var minimal = await SendAsync(Get(("X-Tenant", "t")), "/minimal/binding/attributes/7?q=a&q=b");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal((HttpStatusCode.OK, "7|a,b|t|1"), minimal);
    }

    [Fact]
    public async Task Nullable_parameters_with_defaults_and_nullable_parsable_classes()
    {
        await BothAsync(Get(), "/binding/defaults", HttpStatusCode.OK, "20|Sale|null|null");
        await BothAsync(Get(), "/binding/defaults?take=5&filter=New&budget=12.5&name=x", HttpStatusCode.OK, "5|New|12.5|x");
        await BothAsync(Get(), "/binding/defaults?take=many", HttpStatusCode.BadRequest);
        await BothAsync(Get(), "/binding/defaults?budget=lots", HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("ticket=gold&isbn=12&required=34&ids=1&ids=&ids=3", HttpStatusCode.OK, "Hello:gold@Greetings.Describe#0:Ticket|12|34|1,null,3")]
    [InlineData("ticket=gold&isbn=&required=", HttpStatusCode.OK, "Hello:gold@Greetings.Describe#0:Ticket|null|refused:|")]
    [InlineData("ticket=&required=7&ids=", HttpStatusCode.OK, "Hello:@Greetings.Describe#0:Ticket|null|7|null")]
    [InlineData("isbn=12&required=34", HttpStatusCode.BadRequest, null)]
    [InlineData("ticket=gold&isbn=x1&required=34", HttpStatusCode.BadRequest, null)]
    [InlineData("ticket=gold&required=x1", HttpStatusCode.BadRequest, null)]
    [InlineData("ticket=gold", HttpStatusCode.BadRequest, null)]
    [InlineData("ticket=gold&required=1&ids=x", HttpStatusCode.BadRequest, null)]
    public async Task Types_that_bind_themselves_TryParse_structs_and_nullable_arrays_bind_as_on_a_minimal_API(string query, HttpStatusCode status, string? expected)
    {
        // An instance function from DI: its Ticket gets the method's own ParameterInfo, as the twin's does; an empty
        // Isbn? is null, an empty required Isbn what its TryParse gave, an empty int? element null.
        await BothAsync(Get(), "/binding/self?" + query, status, expected);
    }

    [Fact]
    public async Task An_oblivious_reference_type_is_required_as_the_Request_Delegate_Generator_reads_it()
    {
        await BothAsync(Get(), "/binding/oblivious?name=Neville", HttpStatusCode.OK, "Neville");
        await BothAsync(Get(), "/binding/oblivious", HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("at=2024-05-01T10:00:00%2B02:00&when=2024-05-01T10:00:00%2B02:00&day=2024-05-01&time=10:30", "2024-05-01T08:00:00.0000000Z Utc|2024-05-01T10:00:00.0000000+02:00|2024-05-01|10:30:00.0000000")]
    [InlineData("at=2024-05-01T10:00:00&when=2024-05-01T10:00:00&day=%202024-05-01%20&time=%2010:30", "2024-05-01T10:00:00.0000000 Unspecified|2024-05-01T10:00:00.0000000+00:00|2024-05-01|10:30:00.0000000")]
    [InlineData("at=2024-05-01T10:00:00Z&when=2024-05-01&day=2024-05-01&time=23:59:59.5", "2024-05-01T10:00:00.0000000Z Utc|2024-05-01T00:00:00.0000000+00:00|2024-05-01|23:59:59.5000000")]
    public async Task Dates_parse_with_the_kind_and_offset_minimal_APIs_give_them(string query, string expected)
    {
        await BothAsync(Get(), "/binding/dates?" + query, HttpStatusCode.OK, expected);
    }

    [Theory]
    [InlineData("at=2024-05-01T10:00:00%2B02:00&when=2024-05-01T10:00:00%2B02:00", "2024-05-01T08:00:00.0000000Z Utc|2024-05-01T10:00:00.0000000+02:00")]
    [InlineData("at=2024-05-01T10:00:00Z&when=2024-05-01T10:00:00", "2024-05-01T10:00:00.0000000Z Utc|2024-05-01T10:00:00.0000000+00:00")]
    [InlineData("at=2024-05-01T10:00:00", "2024-05-01T10:00:00.0000000 Unspecified|null")]
    public async Task Nullable_dates_parse_as_the_dates_they_wrap(string query, string expected)
    {
        await BothAsync(Get(), "/binding/nullable-dates?" + query, HttpStatusCode.OK, expected);
    }

    [Theory]
    [InlineData("3", "New, Sale")]
    [InlineData("7", "New, Sale, Last")]
    [InlineData("0", "None")]
    [InlineData("New,Sale", "New, Sale")]
    [InlineData("Sale", "Sale")]
    public async Task Flags_enums_take_numbers_that_combine_their_members(string value, string expected)
    {
        await BothAsync(Get(), "/binding/flags?tags=" + value, HttpStatusCode.OK, expected);
    }

    [Theory]
    [InlineData("8", HttpStatusCode.OK, "8")]
    [InlineData(" 3 ", HttpStatusCode.OK, "New, Sale")]
    [InlineData("sale", HttpStatusCode.BadRequest, null)]
    [InlineData("New, sale", HttpStatusCode.BadRequest, null)]
    [InlineData(" ", HttpStatusCode.BadRequest, null)]
    public async Task Enums_parse_as_Enum_TryParse_reads_them_names_by_case_and_any_number(string value, HttpStatusCode status, string? expected)
    {
        await BothAsync(Get(), "/binding/flags?tags=" + Uri.EscapeDataString(value), status, expected);
    }

    private static MultipartFormDataContent Upload(bool withFile = true)
    {
        var form = new MultipartFormDataContent();
        if (withFile)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("hello owl"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(file, "file", "owl.txt");
        }

        form.Add(new StringContent("Hedwig"), "title");
        form.Add(new StringContent("1"), "sizes");
        form.Add(new StringContent("2"), "sizes");
        return form;
    }

    [Fact]
    public async Task Form_files_and_form_fields_bind_from_multipart_bodies()
    {
        await BothAsync(Post(() => Upload()), "/binding/upload", HttpStatusCode.OK, "owl.txt:hello owl|null|1|Hedwig|1,2");
        await BothAsync(Post(() => Upload(withFile: false)), "/binding/upload", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_form_parameter_refuses_a_JSON_body_with_415()
    {
        var (status, _) = await SendAsync(Post(() => Json("""{"title":"Hedwig"}""")), "/binding/upload");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task The_whole_form_binds_as_IFormCollection()
    {
        var (status, text) = await SendAsync(Post(() => new FormUrlEncodedContent([new("b", "2"), new("a", "1"), new("a", "3")])), "/binding/form");

        Assert.Equal((HttpStatusCode.OK, "a=1,3,b=2"), (status, text));
    }

    [Fact]
    public async Task FromBody_takes_the_whole_body_and_text_comes_from_the_query()
    {
        await BothAsync(Post(() => Json("""{"item":"wand","quantity":2}""")), "/binding/body?priority=5", HttpStatusCode.OK, "wand x2|5");
        await BothAsync(Post(() => null), "/binding/body?priority=5", HttpStatusCode.BadRequest);
        await BothAsync(Post(() => Json("""{"item":"wand","quantity":"many"}""")), "/binding/body?priority=5", HttpStatusCode.BadRequest);
        await BothAsync(Post(() => new FormUrlEncodedContent([new("item", "wand")])), "/binding/body?priority=5", HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_optional_FromBody_parameter_is_null_for_an_empty_body()
    {
        await BothAsync(Post(() => null), "/binding/optional-body", HttpStatusCode.OK, "null");
        await BothAsync(Post(() => Json("null")), "/binding/optional-body", HttpStatusCode.OK, "null");
        await BothAsync(Post(() => Json("""{"item":"broom","quantity":1}""")), "/binding/optional-body", HttpStatusCode.OK, "broom");
    }

    [Fact]
    public async Task Stream_and_PipeReader_parameters_read_the_raw_body()
    {
        await BothAsync(Post(() => new StringContent("raw bytes, not JSON", Encoding.UTF8, "text/plain")), "/binding/stream?tag=t1", HttpStatusCode.OK, "Hello:t1:raw bytes, not JSON");

        var (status, text) = await SendAsync(Post(() => new StringContent("through a pipe", Encoding.UTF8, "application/octet-stream")), "/binding/pipe");
        Assert.Equal((HttpStatusCode.OK, "through a pipe"), (status, text));
    }

    [Fact]
    public async Task Collection_interfaces_bind_from_JSON_not_from_DI()
    {
        var (status, text) = await SendAsync(Post(() => Json("""{"values":[1,2,3],"labels":["a","b"]}""")), "/binding/collections");
        Assert.Equal((HttpStatusCode.OK, "6|a,b"), (status, text));

        // A documented difference: DI resolves every IEnumerable<T> (empty when nothing is registered), so a minimal API
        // binds it from services and never sees the client's list; a server function reads the list from the body.
        var minimal = await SendAsync(Post(() => Json("[1,2,3]")), "/minimal/binding/total");
        Assert.Equal((HttpStatusCode.OK, "0"), minimal);
        (status, text) = await SendAsync(Post(() => Json("""{"values":[1,2,3]}""")), "/binding/total");
        Assert.Equal((HttpStatusCode.OK, "6"), (status, text));

        (status, text) = await SendAsync(Post(() => Json("""{"values":[4]}""")), "/binding/collections");
        Assert.Equal((HttpStatusCode.OK, "4|null"), (status, text));
    }

    [Fact]
    public async Task Optional_and_keyed_services_bind_null_when_not_registered()
    {
        var (status, text) = await SendAsync(Post(() => null), "/binding/services");

        Assert.Equal((HttpStatusCode.OK, "Hello|null|eu|null"), (status, text));
    }

    [Fact]
    public async Task A_required_service_that_is_not_registered_fails_the_request_never_the_start()
    {
        // The app is running: the parameter did not stop it from starting, as it does not stop a minimal API.
        var (status, _) = await SendAsync(Post(() => null), "/binding/required-service");

        Assert.Equal(HttpStatusCode.InternalServerError, status);

        // An interface nobody registers, with no attribute, is what minimal APIs make of it: a body value (none sent).
        var (unregistered, text) = await SendAsync(Post(() => Json("{}")), "/binding/unregistered");
        Assert.Equal((HttpStatusCode.OK, "null"), (unregistered, text));
    }

    [Fact]
    public async Task An_object_result_holding_an_IResult_is_executed()
    {
        await BothAsync(Get(), "/binding/either?fail=true", HttpStatusCode.NotFound);
        var (status, text) = await SendAsync(Get(), "/binding/either?fail=true");
        Assert.Equal((HttpStatusCode.NotFound, "no such thing"), (status, text));

        await BothAsync(Get(), "/binding/either?fail=false", HttpStatusCode.OK, """{"item":"owl","quantity":1}""");
    }

    [Fact]
    public async Task JSON_numbers_with_exponents_bind_as_JSON_reads_them()
    {
        var (status, text) = await SendAsync(Post(() => Json("""{"price":1.5e3,"ratio":2E-1}""")), "/binding/price");

        Assert.Equal((HttpStatusCode.OK, "1500|0.2"), (status, text));
    }
}
