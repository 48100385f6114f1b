using System.Text.Json;
using System.Text.Json.Nodes;
using SessionAuth.Testing;

namespace SessionAuth.Tests.OpenApi;

/// <summary>What the document says of guards, operation ids and the whole test app, read as a client reads it.</summary>
public sealed class OpenApiDocumentTests(OpenApiAppFixture app) : IClassFixture<OpenApiAppFixture>
{
    [Fact]
    public async Task The_whole_document_is_the_approved_one()
    {
        using var client = app.CreateClient();
        var document = await OpenApiDocument.FetchAsync(client);

        // The server's address changes with the port Kestrel picks.
        document.Root.Remove("servers");
        var text = document.Root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        ApprovedFile.Match(text, Path.Combine(RepositoryRoot.Path, "tests", "SessionAuth.Tests", "OpenApi"), "TestApp.openapi", ".json");
    }

    /// <summary>
    /// Route constraints (<c>{id:int:min(1)}</c>, <c>length(3)</c>, <c>range(0,10)</c>) reach a server function's parameter
    /// schemas as they reach its minimal API twin's.
    /// </summary>
    [Fact]
    public async Task A_server_functions_route_constraints_are_in_its_parameter_schemas_as_in_its_minimal_API_twins()
    {
        using var client = app.CreateClient();
        var document = await OpenApiDocument.FetchAsync(client);

        var function = document.Find("/binding/constrained/{id}/{code}/{ratio}", "get").Node["parameters"]!;
        var twin = document.Find("/minimal/binding/constrained/{id}/{code}/{ratio}", "get").Node["parameters"]!;

        Assert.Equal(twin.ToJsonString(), function.ToJsonString());
        Assert.Equal(1, (int?)function[0]!["schema"]!["minimum"]);
        Assert.Equal(3, (int?)function[1]!["schema"]!["minLength"]);
        Assert.Equal(10, (int?)function[2]!["schema"]!["maximum"]);
    }

    /// <summary>
    /// Review 22e: a server function returning <c>Results&lt;Ok&lt;T&gt;, BadRequest&gt;</c> (a union with results that
    /// carry no value) made the document answer 500: the binding's 400 problem beside the result's own 400. It is
    /// served, with one response per status, the result's where it declares one (a body only for the results that carry
    /// a value), and the function's problems (403 cross-site, 415 not JSON) for the others. <c>UnauthorizedHttpResult</c>
    /// declares nothing, so the framework describes no 401 for it, as for a minimal API.
    /// </summary>
    [Theory]
    [InlineData("/unions/checked", "get", "200:Wand 400:-")]
    [InlineData("/unions/any-of-five", "get", "200:integer 204:- 400:- 404:-")]
    [InlineData("/unions/refused", "post", "204:- 400:string 403:problem 409:- 415:problem 422:-")]
    public async Task A_server_function_returning_a_union_with_valueless_results_is_described(string path, string verb, string answers)
    {
        using var client = app.CreateClient();
        var document = await OpenApiDocument.FetchAsync(client);

        var responses = document.Find(path, verb).Node["responses"]!.AsObject();
        var described = responses
            .Where(static r => r.Key.StartsWith('2') || r.Key.StartsWith('4'))
            .OrderBy(static r => r.Key, StringComparer.Ordinal)
            .Select(r => r.Key + ":" + (r.Value!["content"]?["application/json"]?["schema"] is { } schema ? Describe(document, schema)
                : r.Value!["content"]?["application/problem+json"] is not null ? "problem"
                : "-"));
        Assert.Equal(answers, string.Join(" ", described));

        static string Describe(OpenApiDocument document, JsonNode schema) =>
            schema["$ref"] is { } reference ? ((string)reference!).Split('/')[^1] : OpenApiDocument.TypeOf(document.Resolve(schema)) ?? "?";
    }

    [Fact]
    public async Task The_session_cookie_is_the_security_scheme_under_its_configured_name()
    {
        using var client = app.CreateClient();
        var document = await OpenApiDocument.FetchAsync(client);
        var scheme = document.Root["components"]!["securitySchemes"]![SessionAuthOpenApiOptionsExtensions.SecuritySchemeName]!;
        Assert.Equal("apiKey", (string?)scheme["type"]);
        Assert.Equal("cookie", (string?)scheme["in"]);
        Assert.Equal(SessionAuthDefaults.CookieName, (string?)scheme["name"]);
    }

    [Theory]
    [InlineData("/minimal/chained", "get")] // .RequireSession()
    [InlineData("/minimal/me", "get")] // [RequireSession] on the handler
    [InlineData("/reports/daily", "get")] // .RequireSession() on its group
    [InlineData("/rules/functions/both", "get")] // a server function guarded by a rule
    [InlineData("/_server/Students/Enroll", "post")] // a server function guarded by its class
    public async Task A_guarded_operation_names_the_cookie_and_declares_the_guard_s_problems(string path, string verb)
    {
        using var client = app.CreateClient();
        var operation = (await OpenApiDocument.FetchAsync(client)).Find(path, verb);
        var requirement = Assert.Single(operation.Node["security"]!.AsArray())!.AsObject();
        Assert.Equal(SessionAuthOpenApiOptionsExtensions.SecuritySchemeName, Assert.Single(requirement).Key);
        foreach (var status in new[] { 401, 403, 503 })
        {
            Assert.True(operation.Declares(status), $"{path} does not declare {status}");
            Assert.NotNull(operation.Node["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["content"]!["application/problem+json"]);
        }
    }

    [Theory]
    [InlineData("/minimal/maybe", "get")] // .AllowAnonymous()
    [InlineData("/preload/none", "get")]
    [InlineData("/_server/Students/Count", "post")] // [AllowAnonymous] in a [RequireSession] class
    [InlineData("/_server/Bodies/Echo", "post")]
    public async Task An_anonymous_operation_has_no_security_requirement_and_no_401(string path, string verb)
    {
        using var client = app.CreateClient();
        var operation = (await OpenApiDocument.FetchAsync(client)).Find(path, verb);
        Assert.Null(operation.Node["security"]);
        Assert.False(operation.Declares(401));
    }

    [Fact]
    public async Task A_state_changing_server_function_declares_the_cross_site_403_and_a_reading_one_does_not()
    {
        using var client = app.CreateClient();
        var document = await OpenApiDocument.FetchAsync(client);
        Assert.True(document.Find("/_server/Bodies/Echo", "post").Declares(403));
        Assert.False(document.Find("/_server/Familiars/Fawkes", "get").Declares(403));
    }

    [Fact]
    public async Task Operation_ids_are_type_and_method()
    {
        using var client = app.CreateClient();
        var document = await OpenApiDocument.FetchAsync(client);
        var ids = document.NamedOperations().Select(o => o.Id!).ToList();
        Assert.Contains("Students_ByHouse", ids);
        Assert.Contains("Account_Login", ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_results_union_declares_its_members()
    {
        using var client = app.CreateClient();
        var login = (await OpenApiDocument.FetchAsync(client)).Find("/_server/Account/Login", "post");
        Assert.Equal("#/components/schemas/UserSession", (string?)login.Node["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]);
    }
}
