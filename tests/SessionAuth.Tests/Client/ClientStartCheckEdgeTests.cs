using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Infrastructure;

namespace SessionAuth.Tests.Client;

/// <summary>
/// The start-up checks of the generated client (ClientServiceOrJson, ClientJsonShape) at their edges: apps whose server
/// reads or writes something the client does not declare must not start (found by review 19c, when they did), and right
/// apps must (a source-generated contract as the reflection one).
/// </summary>
public sealed class ClientStartCheckEdgeTests
{
    /// <summary>
    /// The generator guesses an abstract class is a service and leaves it out of the call; <c>JsonNode</c> is abstract,
    /// the app does not register it, so the endpoint reads it from the JSON body — and System.Text.Json makes one from any
    /// JSON. The check calls an unregistered abstract class "no disagreement" because JSON "can make none of it", so every
    /// call from the client omits the argument and the server answers 400 (missing) or binds null.
    /// </summary>
    [Fact]
    public void an_unregistered_JsonNode_the_client_leaves_to_DI_fails_the_start()
    {
        using var services = new ServiceCollection().BuildServiceProvider();

        Assert.Throws<InvalidOperationException>(() => ClientServiceOrJson.Check([ClientServiceOrJson.Service(typeof(JsonNode), "Notes.save", "data")], services));
    }

    /// <summary>
    /// An interface with a <c>[JsonConverter]</c>: the generator takes it for a service (only [JsonPolymorphic] or
    /// [JsonDerivedType] make an interface JSON to it), but JSON makes one through its converter, so the endpoint reads the
    /// caller's value — which the client never sends. The start passes.
    /// </summary>
    [Fact]
    public void an_unregistered_interface_JSON_makes_through_its_converter_fails_the_start_when_the_client_leaves_it_to_DI()
    {
        using var services = new ServiceCollection().BuildServiceProvider();

        Assert.Throws<InvalidOperationException>(() => ClientServiceOrJson.Check([ClientServiceOrJson.Service(typeof(IShape), "Drawing.add", "shape")], services));
    }

    /// <summary>
    /// An interface made polymorphic by a contract modifier (no attribute the generator could see): the endpoint reads it
    /// from JSON with its discriminator; the client left it out, and the start passes.
    /// </summary>
    [Fact]
    public void an_unregistered_interface_the_app_makes_polymorphic_in_its_resolver_fails_the_start_when_the_client_leaves_it_to_DI()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver
            {
                Modifiers =
                {
                    static info =>
                    {
                        if (info.Type == typeof(IPet))
                        {
                            info.PolymorphismOptions = new() { DerivedTypes = { new JsonDerivedType(typeof(Cat), "cat") } };
                        }
                    },
                },
            },
        };
        Assert.Equal("Tom", ((Cat)JsonSerializer.Deserialize<IPet>("""{"$type":"cat","name":"Tom"}""", options)!).Name);
        using var services = new ServiceCollection().Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => o.SerializerOptions.TypeInfoResolver = options.TypeInfoResolver).BuildServiceProvider();

        Assert.Throws<InvalidOperationException>(() => ClientServiceOrJson.Check([ClientServiceOrJson.Service(typeof(IPet), "Shelter.adopt", "pet")], services));
    }

    /// <summary>
    /// A converter in the options for <c>DateTime</c> (Unix seconds, a common one) is caught on a <c>DateTime</c> property,
    /// but not on a <c>List&lt;DateTime&gt;</c> or <c>Dictionary&lt;string, DateTime&gt;</c> property: the app writes numbers
    /// where the client declares <c>string[]</c>, and the start passes.
    /// </summary>
    [Fact]
    public void an_options_converter_of_an_element_type_fails_the_start()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), Converters = { new UnixSeconds() } };
        Assert.Equal("""{"times":[0]}""", JsonSerializer.Serialize(new Timetable([DateTime.UnixEpoch]), options));

        Assert.Throws<InvalidOperationException>(() => ClientJsonShape.Check([ClientJsonShape.Properties(typeof(Timetable), ["times"], [])], options));
    }

    /// <summary>
    /// .NET 10's <c>[JsonIgnore(Condition = JsonIgnoreCondition.WhenWriting)]</c> (a password a form sends and no answer
    /// echoes): read, never written, which the client can only declare optional (<c>password?: string</c>). The check
    /// fails the start for that declaration, and the generator (knowing conditions 0-3 only) declares it always present,
    /// which fails it too: an app using the attribute as meant cannot start.
    /// </summary>
    [Fact]
    public void a_property_ignored_when_writing_declared_optional_passes_the_check()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        Assert.Equal("""{"name":"a"}""", JsonSerializer.Serialize(new Login("a", "secret"), options));
        Assert.Equal("secret", JsonSerializer.Deserialize<Login>("""{"name":"a","password":"secret"}""", options)!.Password);

        ClientJsonShape.Check([ClientJsonShape.Properties(typeof(Login), ["name"], ["password"])], options);
    }

    /// <summary>
    /// An app whose JSON comes from a source-generated <c>JsonSerializerContext</c> (AOT, or for speed) and that leaves
    /// nulls out (<c>WhenWritingNull</c>), with a property marked <c>[JsonIgnore(Condition = Never)]</c> to be written always
    /// (as the client declares it). The reflection contract passes; the source-generated one carries a ShouldSerialize for
    /// that condition, which the check reads as "a contract modifier may leave it out", and the app does not start.
    /// </summary>
    [Fact]
    public void a_source_generated_contract_passes_as_the_reflection_one_does()
    {
        var reflection = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        var sourceGenerated = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(CrestJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        ClientJsonShape[] declared = [ClientJsonShape.Properties(typeof(Crest), ["name", "motto"], [])];
        Assert.Equal("""{"name":"a","motto":null}""", JsonSerializer.Serialize(new Crest("a", null), sourceGenerated));
        ClientJsonShape.Check(declared, reflection);

        ClientJsonShape.Check(declared, sourceGenerated);
    }

    public sealed record Crest(string Name, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Motto);

    [JsonConverter(typeof(ShapeConverter))]
    public interface IShape
    {
        string Name { get; }
    }

    public interface IPet;

    public sealed record Cat(string Name) : IPet;

    public sealed record Timetable(List<DateTime> Times);

    public sealed record Login(string Name, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWriting)] string Password);

    private sealed record Circle(string Name) : IShape;

    private sealed class ShapeConverter : JsonConverter<IShape>
    {
        public override IShape Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new Circle(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, IShape value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
    }

    private sealed class UnixSeconds : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => DateTime.UnixEpoch.AddSeconds(reader.GetInt64());

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => writer.WriteNumberValue((long)(value - DateTime.UnixEpoch).TotalSeconds);
    }
}

[JsonSerializable(typeof(ClientStartCheckEdgeTests.Crest))]
internal sealed partial class CrestJsonContext : JsonSerializerContext;
