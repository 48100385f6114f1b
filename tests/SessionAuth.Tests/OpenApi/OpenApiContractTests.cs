using System.Net;
using System.Text.Json.Nodes;

namespace SessionAuth.Tests.OpenApi;

/// <summary>
/// The document is a contract a client can rely on: every server function of the test app, called with a request built
/// from the document alone, accepts it (its guard answers 401 without a session); and a value of the wrong type in any
/// parameter or body property is the 400 the document declares.
/// </summary>
public sealed class OpenApiContractTests(OpenApiAppFixture app) : IClassFixture<OpenApiAppFixture>
{
    /// <summary>A signed-in user every rule of the test app allows (a prefect, not expelled, of the first house).</summary>
    private const string User = "percy";

    /// <summary>
    /// The functions whose answer to a well-formed request depends on what no document tells, each with the status the
    /// test app makes it give and why.
    /// </summary>
    private static readonly Dictionary<string, (HttpStatusCode Status, string Why)> Expected = new()
    {
        ["Account_Login"] = (HttpStatusCode.BadRequest, "the password must be the app's; a wrong one is a declared 400"),
        ["Binding_RequiredService"] = (HttpStatusCode.InternalServerError, "the test app leaves its required service unregistered on purpose"),
        ["Greetings_Describe"] = (HttpStatusCode.BadRequest, "Ticket binds itself (BindAsync) from a query key no description can name"),
        ["Binding_Defaults"] = (HttpStatusCode.BadRequest, "Money parses its own text (IParsable): the document can say only that it is text"),
        ["Binding_Unregistered"] = (HttpStatusCode.InternalServerError, "an interface nobody registers can only be null: System.Text.Json cannot make one of any value"),
    };

    /// <summary>
    /// Route values whose route constraint checks the type (<c>{id:int}</c>): text that is no number matches no route, so
    /// routing answers 404 before the function, as it does for a minimal API twin; the document has no way to say so.
    /// </summary>
    private static readonly HashSet<(string Operation, string Parameter)> TypedByRouteConstraint =
    [
        ("Binding_Constrained", "id"),
        ("Binding_Constrained", "ratio"),
    ];

    [Fact]
    public async Task Every_server_function_accepts_a_request_built_from_the_document()
    {
        using var reader = app.CreateClient();
        var document = await OpenApiDocument.FetchAsync(reader);
        var operations = document.NamedOperations().ToList();
        var failures = new List<string>();
        foreach (var operation in operations)
        {
            if (operation.IsGuarded)
            {
                using var anonymous = app.CreateClient();
                using var refused = await anonymous.SendAsync(operation.BuildRequest());
                if (refused.StatusCode != HttpStatusCode.Unauthorized || !operation.Declares(401))
                {
                    failures.Add($"{operation.Id} without a session: {(int)refused.StatusCode}, not the guard's declared 401");
                }
            }

            using var client = await ClientForAsync(operation);
            using var response = await client.SendAsync(operation.BuildRequest());

            // A function that returns a redirect (an IResult of no declared type) has run when it answers one.
            var accepted = response.IsSuccessStatusCode || response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther;
            if (Expected.TryGetValue(operation.Id!, out var expected))
            {
                accepted = response.StatusCode == expected.Status && (expected.Status == HttpStatusCode.InternalServerError || operation.Declares((int)expected.Status));
            }

            if (!accepted)
            {
                failures.Add($"{operation.Id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(operations.Count >= 45, $"only {operations.Count} server functions in the document");
    }

    [Fact]
    public async Task A_wrong_type_in_each_parameter_is_the_400_the_document_declares()
    {
        using var reader = app.CreateClient();
        var document = await OpenApiDocument.FetchAsync(reader);
        var failures = new List<string>();
        var tried = 0;
        foreach (var operation in document.NamedOperations().Where(o => !Expected.ContainsKey(o.Id!)))
        {
            var arguments = operation.Parameters.Select(p => ((string)p["name"]!, p["schema"]!)).ToList();
            if (operation.BodySchema?["properties"] is JsonObject properties)
            {
                arguments.AddRange(properties.Select(p => (p.Key, p.Value!)));
            }

            foreach (var (name, schema) in arguments)
            {
                if (WrongValue(document, schema, isJson: operation.BodyMediaType == "application/json" && operation.Parameters.All(p => (string)p["name"]! != name)) is not { } wrong)
                {
                    continue;
                }

                tried++;
                using var client = await ClientForAsync(operation);
                using var response = await client.SendAsync(operation.BuildRequest(name, wrong));
                var expectedStatus = TypedByRouteConstraint.Contains((operation.Id!, name)) ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest;
                if (response.StatusCode != expectedStatus || (expectedStatus == HttpStatusCode.BadRequest && !operation.Declares(400)))
                {
                    failures.Add($"{operation.Id}, {name} = {wrong?.ToJsonString()}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(tried >= 40, $"only {tried} parameters could be given a wrong type");
    }

    /// <summary>
    /// A value of another type than the schema's: text that is no number, date or enum member where one is asked for;
    /// in a JSON body, an array where a string or an object is asked for. <see langword="null"/> where any text is
    /// right (a string in a path, query, header or form).
    /// </summary>
    private static JsonNode? WrongValue(OpenApiDocument document, JsonNode schema, bool isJson)
    {
        var resolved = document.Resolve(schema);
        if (resolved.Count == 0)
        {
            return null;
        }

        var type = OpenApiDocument.TypeOf(resolved);
        var format = (string?)resolved["format"];
        if (type is "integer" or "number" or "boolean" || (type == "string" && format is "date-time" or "date" or "time" or "uuid"))
        {
            return JsonValue.Create("not-a-" + (format ?? type));
        }

        if (type == "array" && resolved["items"] is { } items && WrongValue(document, items, isJson) is { } wrongItem)
        {
            return new JsonArray(wrongItem);
        }

        return isJson && type is "string" or "object" ? new JsonArray(1, 2) : null;
    }

    private async Task<TestClient> ClientForAsync(Operation operation)
    {
        var client = app.CreateClient();
        if (operation.IsGuarded)
        {
            await client.LoginAsync(User);
        }

        return client;
    }
}
