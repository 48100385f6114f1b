using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SessionAuth.Tests.OpenApi;

/// <summary>
/// An OpenAPI document as a client generator reads it: operations, their parameters and bodies, and example values
/// made from the schemas alone (never from the app's types), so that a request built here is one a generated client
/// would send.
/// </summary>
internal sealed class OpenApiDocument(JsonObject root)
{
    public JsonObject Root { get; } = root;

    public static async Task<OpenApiDocument> FetchAsync(TestClient client)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return new OpenApiDocument(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    /// <summary>The operations that have an operation id: every server function (the test app's minimal APIs have none).</summary>
    public IEnumerable<Operation> NamedOperations()
    {
        foreach (var (path, item) in Root["paths"]!.AsObject())
        {
            foreach (var (verb, operation) in item!.AsObject())
            {
                if (operation?["operationId"] is { } id)
                {
                    yield return new Operation(this, path, verb.ToUpperInvariant(), id.GetValue<string>(), operation.AsObject());
                }
            }
        }
    }

    public Operation Find(string path, string verb) =>
        new(this, path, verb.ToUpperInvariant(), null, Root["paths"]![path]![verb.ToLowerInvariant()]!.AsObject());

    public JsonObject Resolve(JsonNode schema)
    {
        var current = schema.AsObject();
        while (current["$ref"] is { } reference)
        {
            var name = reference.GetValue<string>()["#/components/schemas/".Length..];
            current = Root["components"]!["schemas"]![name]!.AsObject();
        }

        return current;
    }

    /// <summary>
    /// A value the schema allows, as a type's default is made: zero (or the schema's minimum), false, the first enum member,
    /// an object with a value for every property the schema types, one item in an array, text of the schema's length.
    /// </summary>
    public JsonNode? Example(JsonNode schemaNode, int depth = 0)
    {
        var schema = Resolve(schemaNode);
        if (schema["default"] is { } defaultValue)
        {
            return defaultValue.DeepClone();
        }

        if (schema["allOf"] is JsonArray allOf && allOf.Count > 0)
        {
            return Example(allOf[0]!, depth);
        }

        if (schema["enum"] is JsonArray members && members.Count > 0)
        {
            return members.First(m => m is not null)!.DeepClone();
        }

        switch (TypeOf(schema))
        {
            case "integer":
                return schema["minimum"] is { } minimum ? (int)minimum.GetValue<decimal>() : 0;
            case "number":
                return schema["minimum"] is { } least ? least.GetValue<decimal>() + 0.5m : 0.5;
            case "boolean":
                return false;
            case "array":
                return depth > 4 ? new JsonArray() : new JsonArray(Example(schema["items"]!, depth + 1));
            case "object":
                var value = new JsonObject();
                if (depth <= 4 && schema["properties"] is JsonObject properties)
                {
                    foreach (var (name, property) in properties)
                    {
                        if (IsTyped(property!))
                        {
                            value[name] = Example(property!, depth + 1);
                        }
                    }
                }

                return value;
            case "string":
                return (string?)schema["format"] switch
                {
                    "date-time" => "2024-05-06T07:08:09Z",
                    "date" => "2024-05-06",
                    "time" => "07:08:09",
                    "uuid" => "0f8fad5b-d9cb-469f-a165-70867728950e",
                    "uri" => "https://example.com/",
                    "binary" => "file contents",
                    _ when schema["minLength"] is { } length => new string('x', length.GetValue<int>()),
                    _ => "example",
                };
            default:
                return "example";
        }
    }

    /// <summary>
    /// Whether the schema says anything of its value: <c>{}</c> allows anything (an interface, <c>object</c>), so no
    /// example can be made of it and a client leaves it out.
    /// </summary>
    public bool IsTyped(JsonNode schema) => Resolve(schema) is { Count: > 0 } resolved && !(resolved.Count == 1 && resolved.ContainsKey("nullable"));

    /// <summary>
    /// The schema's type: the first non-null one of a list; a number written as a string too (<c>["integer", "string"]</c>
    /// with a pattern) is a number.
    /// </summary>
    public static string? TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t is not ("null" or null)),
        { } type => (string?)type,
        _ => schema["enum"] is JsonArray members ? members.First(m => m is not null)!.GetValueKind() == System.Text.Json.JsonValueKind.Number ? "integer" : "string"
            : schema["properties"] is not null ? "object" : null,
    };

    /// <summary>The text of an example value in a path, query string, header or form field.</summary>
    public static string Text(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue scalar when scalar.GetValueKind() == System.Text.Json.JsonValueKind.String => scalar.GetValue<string>(),
        JsonValue scalar when scalar.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => scalar.GetValue<bool>() ? "true" : "false",
        JsonValue number => number.ToJsonString(),
        _ => value.ToJsonString(),
    };
}

/// <summary>One operation of the document.</summary>
internal sealed record Operation(OpenApiDocument Document, string Path, string Verb, string? Id, JsonObject Node)
{
    public bool IsGuarded => Node["security"] is JsonArray { Count: > 0 };

    public bool Declares(int status) => Node["responses"]?[status.ToString(CultureInfo.InvariantCulture)] is not null;

    public IEnumerable<JsonObject> Parameters => Node["parameters"] is JsonArray parameters ? parameters.Select(p => p!.AsObject()) : [];

    /// <summary>The media type the request body is sent as: JSON when the operation takes it, else the first it names.</summary>
    public string? BodyMediaType =>
        Node["requestBody"]?["content"] is JsonObject content
            ? content.ContainsKey("application/json") ? "application/json" : content.First().Key
            : null;

    public JsonObject? BodySchema => BodyMediaType is { } mediaType ? Document.Resolve(Node["requestBody"]!["content"]![mediaType]!["schema"]!) : null;

    /// <summary>
    /// A request built from the document alone: every parameter and every body property with its example value, except
    /// that <paramref name="replace"/> may give one of them another value (by name).
    /// </summary>
    public HttpRequestMessage BuildRequest(string? replaced = null, JsonNode? replacement = null)
    {
        var path = Path;
        var query = new List<string>();
        var headers = new List<(string, string)>();
        foreach (var parameter in Parameters)
        {
            var name = (string)parameter["name"]!;
            if (name != replaced && !Document.IsTyped(parameter["schema"]!))
            {
                continue;
            }

            var value = name == replaced ? replacement : Document.Example(parameter["schema"]!);
            var values = value is JsonArray items ? items.Select(OpenApiDocument.Text).ToList() : [OpenApiDocument.Text(value)];
            switch ((string?)parameter["in"])
            {
                case "path":
                    path = path.Replace("{" + name + "}", Uri.EscapeDataString(values[0]), StringComparison.Ordinal);
                    break;
                case "header":
                    headers.Add((name, string.Join(',', values)));
                    break;
                default:
                    query.AddRange(values.Select(v => Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(v)));
                    break;
            }
        }

        var request = new HttpRequestMessage(new HttpMethod(Verb), query.Count == 0 ? path : path + "?" + string.Join('&', query));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        // As a script calls an API: its guard answers 401, not a redirect to the login page.
        request.Headers.Add("Sec-Fetch-Mode", "cors");
        request.Headers.Add("Accept", "application/json");
        request.Content = BuildBody(replaced, replacement);
        return request;
    }

    private HttpContent? BuildBody(string? replaced, JsonNode? replacement)
    {
        if (BodyMediaType is not { } mediaType || BodySchema is not { } schema)
        {
            return null;
        }

        if (mediaType == "application/octet-stream")
        {
            return new ByteArrayContent(Encoding.UTF8.GetBytes("raw body")) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } };
        }

        // An operation that takes a whole value as its body (not an object of arguments) is sent that value.
        var value = Document.Example(schema)!;
        if (value is JsonObject fields && schema["properties"] is JsonObject properties)
        {
            foreach (var (name, _) in properties)
            {
                if (name == replaced)
                {
                    fields[name] = replacement?.DeepClone();
                }
            }
        }

        if (mediaType == "application/json")
        {
            return new StringContent(value.ToJsonString(), Encoding.UTF8, "application/json");
        }

        var form = new MultipartFormDataContent();
        foreach (var (name, field) in value.AsObject())
        {
            var propertySchema = Document.Resolve(schema["properties"]![name]!);
            var isFile = (string?)propertySchema["format"] == "binary"
                || (propertySchema["items"] is { } items && (string?)Document.Resolve(items)["format"] == "binary");
            var texts = field is JsonArray array ? array.Select(OpenApiDocument.Text).ToList() : [OpenApiDocument.Text(field)];
            foreach (var text in texts)
            {
                if (isFile)
                {
                    form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), name, name + ".txt");
                }
                else
                {
                    form.Add(new StringContent(text), name);
                }
            }
        }

        if (mediaType == "multipart/form-data")
        {
            return form;
        }

        var pairs = value.AsObject().SelectMany(p => p.Value is JsonArray array
            ? array.Select(item => new KeyValuePair<string, string>(p.Key, OpenApiDocument.Text(item)))
            : [new KeyValuePair<string, string>(p.Key, OpenApiDocument.Text(p.Value))]);
        form.Dispose();
        return new FormUrlEncodedContent(pairs);
    }
}
