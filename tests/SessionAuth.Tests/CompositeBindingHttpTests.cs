using System.Net;
using System.Text.Json;

namespace SessionAuth.Tests;

/// <summary>
/// <c>[AsParameters]</c> and complex <c>[FromForm]</c> parameters over HTTP: each member binds as minimal APIs bind it
/// (the twins under <c>/minimal</c> answer alike), and a bad or missing member is a 400 naming it.
/// </summary>
public sealed partial class BindingParityHttpTests
{
    private static Func<string, HttpRequestMessage> Form(params (string Name, string Value)[] fields) =>
        Post(() => new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    /// <summary>The name a 400 from a server function says it could not bind.</summary>
    private async Task<string> RefusedArgumentAsync(Func<string, HttpRequestMessage> request, string path)
    {
        using var message = request(path);
        using var response = await _http.SendAsync(message);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("parameter").GetString()!;
    }

    [Fact]
    public async Task AsParameters_members_bind_from_their_own_sources_with_their_defaults()
    {
        var tenant = ("X-Tenant", "hogwarts");
        await BothAsync(Get(tenant), "/composite/search/7?q=owls&tags=Sale&take=5&page=2&size=9", HttpStatusCode.OK, "7|owls|hogwarts|Sale|5|2|9|True");

        // Take and Tags fall back to the constructor's defaults; Size, a nullable property, to null.
        await BothAsync(Get(tenant), "/composite/search/7?q=owls&page=1", HttpStatusCode.OK, "7|owls|hogwarts|New|20|1|null|True");

        // A property without a default is required, as the Request Delegate Generator binds it.
        await BothAsync(Get(tenant), "/composite/search/7?q=owls", HttpStatusCode.BadRequest);
        Assert.Equal("Page", await RefusedArgumentAsync(Get(tenant), "/composite/search/7?q=owls"));
        Assert.Equal("X-Tenant", await RefusedArgumentAsync(Get(), "/composite/search/7?q=owls&page=1"));
        Assert.Equal("Take", await RefusedArgumentAsync(Get(tenant), "/composite/search/7?q=owls&page=1&take=many"));
        Assert.Equal("Shelf", await RefusedArgumentAsync(Get(tenant), "/composite/search/seven?q=owls&page=1"));
        await BothAsync(Get(tenant), "/composite/search/7?q=owls&page=1&take=many", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_AsParameters_member_can_take_the_whole_body_beside_a_query_value()
    {
        // No twin: the Request Delegate Generator cannot compile a [FromBody] member (see CompositeBinding.Placed).
        var (status, text) = await SendAsync(Post(() => Json("""{"item":"owl","quantity":2}""")), "/composite/placed?priority=3");
        Assert.Equal((HttpStatusCode.OK, "owl x2|3"), (status, text));
        Assert.Equal("Priority", await RefusedArgumentAsync(Post(() => Json("""{"item":"owl","quantity":2}""")), "/composite/placed"));
    }

    [Fact]
    public async Task FromForm_types_bind_their_members_from_form_fields()
    {
        await BothAsync(Form(("Id", "5"), ("Name", "Hedwig"), ("Tags", "Sale"), ("Count", "7"), ("Note", "owl"), ("Day", "2024-01-02")), "/composite/contact", HttpStatusCode.OK, "5|Hedwig|Sale|7|owl|2024-01-02");

        // Field names ignore case; a missing property is its type's default, its initializer (3) overwritten, as minimal APIs do.
        await BothAsync(Form(("id", "5"), ("name", "Hedwig"), ("tags", "New"), ("note", "owl")), "/composite/contact", HttpStatusCode.OK, "5|Hedwig|New|0|owl|null");

        // None of a class's fields: each member its default (README, Binding); minimal APIs bind null to the
        // non-nullable parameter, and the function fails on it.
        Assert.Equal((HttpStatusCode.OK, "5|Hedwig|New|0|null|null"), await SendAsync(Form(("Id", "5"), ("Name", "Hedwig"), ("Tags", "New")), "/composite/contact"));
        Assert.Equal(HttpStatusCode.InternalServerError, (await SendAsync(Form(("Id", "5"), ("Name", "Hedwig"), ("Tags", "New")), "/minimal/composite/contact")).Status);

        // Every constructor parameter is required, even a nullable one; a field that does not parse is refused.
        await BothAsync(Form(("Id", "5"), ("Tags", "New")), "/composite/contact", HttpStatusCode.BadRequest);
        Assert.Equal("Name", await RefusedArgumentAsync(Form(("Id", "5"), ("Tags", "New")), "/composite/contact"));
        await BothAsync(Form(("Id", "five"), ("Name", "Hedwig"), ("Tags", "New")), "/composite/contact", HttpStatusCode.BadRequest);
        Assert.Equal("Id", await RefusedArgumentAsync(Form(("Id", "five"), ("Name", "Hedwig"), ("Tags", "New")), "/composite/contact"));
        await BothAsync(Form(("Id", "5"), ("Name", "Hedwig"), ("Tags", "New"), ("Day", "someday")), "/composite/contact", HttpStatusCode.BadRequest);
        Assert.Equal("Day", await RefusedArgumentAsync(Form(("Id", "5"), ("Name", "Hedwig"), ("Tags", "New"), ("Day", "someday")), "/composite/contact"));

        // A form type reads the form only: a JSON body is refused by both.
        await BothAsync(Post(() => Json("""{"Id":5,"Name":"Hedwig","Tags":"New"}""")), "/composite/contact", HttpStatusCode.UnsupportedMediaType);
    }
}
