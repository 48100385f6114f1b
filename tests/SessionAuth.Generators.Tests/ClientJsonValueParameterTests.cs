namespace SessionAuth.Generators.Tests;

/// <summary>
/// Parameters that DI or the JSON body answers, of types System.Text.Json reads whatever their kind (its own JSON values,
/// an interface its [JsonConverter] reads), are arguments of the client; and a property JSON only reads is optional.
/// Found by review 19c, when the client's guess took them for services.
/// </summary>
public sealed class ClientJsonValueParameterTests
{
    /// <summary>
    /// <c>JsonElement</c>, <c>JsonNode</c> and <c>JsonDocument</c> are System.Text.Json's own "any JSON"
    /// types, the usual way to take a free-form payload. They live in <c>System.*</c>, so the guess calls them "framework
    /// types without a JSON shape" (or, for the abstract <c>JsonNode</c>, an abstract class) and leaves them out; the
    /// server reads each from the body. For <c>JsonElement</c> and <c>JsonDocument</c> the app then does
    /// not start (the check says "register it"); for <c>JsonNode</c> it starts and every call lacks the argument.
    /// </summary>
    [Fact]
    public void System_Text_Json_payload_types_are_json_arguments()
    {
        var (script, declarations) = ClientNamesTests.Client("""
            namespace Notes;

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Payloads
            {
                [SessionAuth.ServerFunction] public static int Element(System.Text.Json.JsonElement element) => 1;

                [SessionAuth.ServerFunction] public static int Node(System.Text.Json.Nodes.JsonNode node) => 1;

                [SessionAuth.ServerFunction] public static int Object(System.Text.Json.Nodes.JsonObject obj) => 1;

                [SessionAuth.ServerFunction] public static int Document(System.Text.Json.JsonDocument document) => 1;
            }
            """);

        Assert.Contains("element(element: ", declarations, StringComparison.Ordinal);
        Assert.Contains("node(node: ", declarations, StringComparison.Ordinal);
        Assert.Contains("document(document: ", declarations, StringComparison.Ordinal);
        Assert.Contains("\"node\"", script, StringComparison.Ordinal);
        Assert.Contains("\"element\"", script, StringComparison.Ordinal);
    }

    /// <summary>
    /// An interface with a <c>[JsonConverter]</c> is read from JSON by that converter when the app does not register it;
    /// the guess takes it for a service, and the start-up check lets an unregistered interface pass.
    /// </summary>
    [Fact]
    public void an_interface_with_a_json_converter_is_a_json_argument()
    {
        var (script, declarations) = ClientNamesTests.Client("""
            namespace Drawing;

            [System.Text.Json.Serialization.JsonConverter(typeof(ShapeConverter))]
            public interface IShape { string Name { get; } }

            public sealed record Circle(string Name) : IShape;

            public sealed class ShapeConverter : System.Text.Json.Serialization.JsonConverter<IShape>
            {
                public override IShape Read(ref System.Text.Json.Utf8JsonReader reader, System.Type typeToConvert, System.Text.Json.JsonSerializerOptions options) => new Circle(reader.GetString()!);

                public override void Write(System.Text.Json.Utf8JsonWriter writer, IShape value, System.Text.Json.JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
            }

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Canvas
            {
                [SessionAuth.ServerFunction] public static int Add(IShape shape) => shape.Name.Length;
            }
            """);

        Assert.Contains("add(shape: ", declarations, StringComparison.Ordinal);
        Assert.Contains("\"shape\"", script, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>[JsonIgnore(Condition = JsonIgnoreCondition.WhenWriting)]</c> (.NET 10): STJ reads the property and never writes
    /// it. The client declares it always present, which no answer holds, and the start-up check then stops the app.
    /// </summary>
    [Fact]
    public void a_property_ignored_when_writing_is_declared_optional()
    {
        var (_, declarations) = ClientNamesTests.Client("""
            namespace Accounts;

            public sealed record Login(string Name, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWriting)] string Password);

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Gate
            {
                [SessionAuth.ServerFunction] public static Login Echo(Login login) => login;
            }
            """);

        Assert.Contains("password?: string", declarations, StringComparison.Ordinal);
    }
}
