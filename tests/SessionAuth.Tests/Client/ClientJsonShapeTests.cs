using System.Text.Json;
using System.Text.Json.Serialization;
using SessionAuth.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace SessionAuth.Tests.Client;

/// <summary>
/// The start-up check that the generated client's declarations describe the JSON the app writes: each way an app's
/// options can make them differ fails with the difference named; the web defaults, and attributes the client follows, pass.
/// </summary>
public sealed class ClientJsonShapeTests
{
    public enum Wand { Holly, Elder }

    [JsonConverter(typeof(JsonStringEnumConverter<Broom>))]
    public enum Broom { Nimbus, Firebolt }

    public sealed record Student(string Name, int Year, Wand Wand);

    public sealed record Renamed([property: JsonPropertyName("full_name")] string Name, [property: JsonIgnore] int Secret);

    public sealed class WithExtensionData
    {
        public string Name { get; set; } = "";

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Rest { get; set; }
    }

    private static readonly ClientJsonShape[] DeclaredForWebDefaults =
    [
        ClientJsonShape.Properties(typeof(Student), ["name", "year", "wand"], []),
        ClientJsonShape.Properties(typeof(Renamed), ["full_name"], []),
        ClientJsonShape.Properties(typeof(WithExtensionData), ["name"], []),
        ClientJsonShape.EnumMembers([Wand.Holly, Wand.Elder], ["0", "1"]),
        ClientJsonShape.EnumMembers([Broom.Nimbus, Broom.Firebolt], ["\"Nimbus\"", "\"Firebolt\""]),
    ];

    public static TheoryData<string, Action<JsonSerializerOptions>, string> Differences => new()
    {
        { "names as declared in C#", static options => options.PropertyNamingPolicy = null, "ClientJsonShapeTests.Student: the app writes Name, Year, Wand, the client declares name, year, wand" },
        { "KEBAB-CASE names", static options => options.PropertyNamingPolicy = JsonNamingPolicy.KebabCaseUpper, "ClientJsonShapeTests.Student: the app writes NAME, YEAR, WAND, the client declares name, year, wand" },
        { "every enum as text", static options => options.Converters.Add(new JsonStringEnumConverter()), "ClientJsonShapeTests.Wand: the app writes Holly as \"Holly\", the client declares 0" },
        { "enums as camelCase text", static options => options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)), "ClientJsonShapeTests.Wand: the app writes Holly as \"holly\", the client declares 0" },
        { "numbers as strings", static options => options.NumberHandling = JsonNumberHandling.WriteAsString, "the app writes numbers as strings (JsonNumberHandling.WriteAsString), the client declares numbers" },
        { "a converter of the app's own for a record", static options => options.Converters.Add(new StudentAsText()), "ClientJsonShapeTests.Student: the app writes it with a converter of its own (None), the client declares an object of name, year, wand" },
    };

    [Fact]
    public void The_web_defaults_and_the_attributes_the_client_follows_pass()
    {
        ClientJsonShape.Check(DeclaredForWebDefaults, WebOptions(static _ => { }));
    }

    [Theory]
    [MemberData(nameof(Differences))]
    public void Options_that_write_otherwise_fail_the_start_naming_the_difference_and_what_to_set(string way, Action<JsonSerializerOptions> configure, string difference)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ClientJsonShape.Check(DeclaredForWebDefaults, WebOptions(configure)));

        Assert.True(error.Message.Contains(difference, StringComparison.Ordinal), $"{way}: {error.Message}");
        Assert.Contains("Keep those defaults in ConfigureHttpJsonOptions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_app_without_declared_types_is_not_refused_for_its_number_handling()
    {
        ClientJsonShape.Check([], WebOptions(static options => options.NumberHandling = JsonNumberHandling.WriteAsString));
    }

    [Fact]
    public void A_type_the_apps_resolver_cannot_describe_is_left_to_the_endpoints_that_use_it()
    {
        // An AOT app's source-generated resolver without the type: the endpoint's own start-up check names what to add.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new EmptyResolver() };

        ClientJsonShape.Check([ClientJsonShape.Properties(typeof(Student), ["name", "year", "wand"], [])], options);
    }

    [Fact]
    public void The_test_app_with_the_web_defaults_starts_with_its_client()
    {
        // Every record and enum of SessionAuth.TestApp's client (ClientShapes among them) as the generator declares them.
        using var app = SessionAuth.TestApp.TestAppHost.Build();
    }

    [Theory]
    [InlineData("names as declared in C#", "the client declares")]
    [InlineData("every enum as text", "the client declares 0")]
    public void The_test_app_fails_to_start_when_its_JSON_options_write_otherwise(string way, string difference)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SessionAuth.TestApp.TestAppHost.Build(configureBuilder: builder =>
            builder.Services.ConfigureHttpJsonOptions(options =>
            {
                if (way == "names as declared in C#")
                {
                    options.SerializerOptions.PropertyNamingPolicy = null;
                }
                else
                {
                    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
                }
            })));

        Assert.Contains("The generated server function client (/_server/client.js, client.d.ts) does not describe the JSON this app writes", error.Message, StringComparison.Ordinal);
        Assert.Contains(difference, error.Message, StringComparison.Ordinal);
    }

    private static JsonSerializerOptions WebOptions(Action<JsonSerializerOptions> configure)
    {
        // As ASP.NET Core's JsonOptions start: the web defaults.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
        configure(options);
        return options;
    }

    private sealed class StudentAsText : JsonConverter<Student>
    {
        public override Student Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString()!, 1, Wand.Holly);

        public override void Write(Utf8JsonWriter writer, Student value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
    }

    private sealed class EmptyResolver : System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver
    {
        public System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) => null;
    }
}
