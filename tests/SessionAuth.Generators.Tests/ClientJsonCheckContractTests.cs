using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.CodeAnalysis;
using SessionAuth.Infrastructure;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// The start-up JSON check run end to end — the generator's <c>ClientJson()</c> for a type,
/// compiled and loaded, checked by the runtime against System.Text.Json's real contract with the web defaults. An app
/// whose types are right must start; an app whose options make the client lie must not.
/// </summary>
public sealed class ClientJsonCheckContractTests
{
    public static TheoryData<string, string, string> RightApps => new()
    {
        {
            "a property hidden with new by a non-public one keeps the base's public property in JSON",
            "public class Named { public string Name { get; set; } = \"\"; } public sealed class Hidden : Named { internal new string Name { get; set; } = \"\"; public int Year { get; set; } }",
            "Hidden"
        },
        {
            "[JsonPropertyName] on an overridden base property: STJ writes the value under both names, the client declares one",
            "public class Animal { [System.Text.Json.Serialization.JsonPropertyName(\"species_name\")] public virtual string Species { get; set; } = \"\"; } public sealed class Owl : Animal { public override string Species { get; set; } = \"owl\"; }",
            "Owl"
        },
        {
            "[JsonIgnore] on an overridden base property ignores the override too",
            "public class Secretive { [System.Text.Json.Serialization.JsonIgnore] public virtual string Secret { get; set; } = \"\"; public int Id { get; set; } } public sealed class Leaky : Secretive { public override string Secret { get; set; } = \"\"; }",
            "Leaky"
        },
        {
            "a record with [JsonIgnore], a [JsonInclude] field and private property, init-only and a JsonConstructor",
            "public sealed record Wand([property: System.Text.Json.Serialization.JsonIgnore] int Secret, string Wood) { [System.Text.Json.Serialization.JsonInclude] public int Length; [System.Text.Json.Serialization.JsonInclude] private string Core { get; init; } = \"\"; public string Maker { get; init; } = \"\"; }",
            "Wand"
        },
        {
            "a struct record and a generic record",
            "public readonly record struct Point(int X, int Y); public sealed record Page<T>(T[] Items, int Total);",
            "Page<Point>"
        },
        {
            "inherited properties and JsonExtensionData",
            "public abstract class Entity { public int Id { get; set; } } public sealed class Pet : Entity { public string Name { get; set; } = \"\"; [System.Text.Json.Serialization.JsonExtensionData] public System.Collections.Generic.Dictionary<string, object>? Rest { get; set; } }",
            "Pet"
        },
    };

    [Theory]
    [MemberData(nameof(RightApps))]
    public void An_app_whose_options_write_what_the_client_declares_starts(string why, string types, string returned)
    {
        var shapes = Shapes(types, returned);

        var error = Record.Exception(() => Check(shapes, WebOptions(static _ => { })));

        Assert.True(error is null, $"{why}: {error?.InnerException?.Message ?? error?.Message}");
    }

    /// <summary>
    /// <c>IgnoreReadOnlyProperties</c> keeps a get-only property out of the JSON, though it stays in the contract's list with
    /// its getter: the check reads the option, and an app whose client declares a property the server never writes does not start.
    /// </summary>
    [Fact]
    public void IgnoreReadOnlyProperties_fails_the_start_of_a_client_that_declares_a_get_only_property()
    {
        var shapes = Shapes("public sealed class Tally { public int Points { get; set; } public int Doubled => Points * 2; }", "Tally");
        var options = WebOptions(static options => options.IgnoreReadOnlyProperties = true);

        var error = Record.Exception(() => Check(shapes, options));

        Assert.True(error is not null, "the app never writes doubled, yet the client declares it and the app starts");
    }

    /// <summary>
    /// <c>DefaultIgnoreCondition = WhenWritingNull</c> leaves a null property out, which the client declares <c>T | null</c>,
    /// always present (<c>value.nickname === null</c> would be false for a missing one): the app does not start.
    /// </summary>
    [Fact]
    public void DefaultIgnoreCondition_WhenWritingNull_fails_the_start_of_a_client_that_declares_nulls_present()
    {
        var shapes = Shapes("public sealed record Student(string Name, string? Nickname);", "Student");
        var options = WebOptions(static options => options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);

        var error = Record.Exception(() => Check(shapes, options));

        Assert.True(error is not null, "the app leaves nickname out when null, the client declares nickname: string | null, and the app starts");
    }

    /// <summary>
    /// An enum the client sends only as text (a route value, a query key) is parsed by the server with Enum.TryParse,
    /// which takes the number the client sends whatever the JSON options say; an app that writes enums as text elsewhere
    /// (a global JsonStringEnumConverter, common) must still start. A record sent only as a body is read case-insensitively
    /// (the web defaults), so PascalCase output names do not make the client's camelCase body wrong either.
    /// </summary>
    [Theory]
    [InlineData("enum in a route", "public enum House { Gryffindor, Slytherin }", "[SessionAuth.ServerFunction(\"/houses/{house}\", Method = \"GET\")] public static int Count(House house) => (int)house;")]
    [InlineData("enum in a query", "public enum House { Gryffindor, Slytherin }", "[SessionAuth.ServerFunction(\"/houses\", Method = \"GET\")] public static int Count([Microsoft.AspNetCore.Mvc.FromQuery] House house) => (int)house;")]
    [InlineData("record only as a body", "public sealed record Order(string Item, int Quantity);", "[SessionAuth.ServerFunction] public static int Place(Order order) => order.Quantity;")]
    public void Types_the_client_only_sends_as_text_or_reads_back_do_not_fail_the_start(string why, string types, string function)
    {
        var shapes = ShapesOf($$"""
            namespace Shop;

            {{types}}

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Functions
            {
                {{function}}
            }
            """);
        var options = WebOptions(options =>
        {
            options.Converters.Add(new JsonStringEnumConverter());
            options.PropertyNamingPolicy = why == "record only as a body" ? null : options.PropertyNamingPolicy;
        });

        var error = Record.Exception(() => Check(shapes, options));

        Assert.True(error is null, $"{why}: {error?.InnerException?.Message ?? error?.Message}");
    }

    /// <summary>
    /// Every knob of the app's JSON contract that changes what the server writes, each on a type the client declares with
    /// the web defaults: the start fails, naming the type and what to set, since the client cannot declare it.
    /// </summary>
    [Theory]
    [InlineData("PropertyNamingPolicy = SnakeCaseLower", "public sealed record Student(string FirstName);", "Student", "first_name")]
    [InlineData("IncludeFields", "public sealed class Box { public int Size; public int Id { get; set; } }", "Box", "size")]
    [InlineData("DefaultIgnoreCondition = WhenWritingDefault", "public sealed record Counter(int Count);", "Counter", "WhenWritingDefault")]
    [InlineData("DefaultIgnoreCondition = WhenWritingNull", "public sealed record Student(string Name, string? Nickname);", "Student", "WhenWritingNull")]
    [InlineData("IgnoreReadOnlyProperties", "public sealed class Tally { public int Points { get; set; } public int Doubled => Points * 2; }", "Tally", "IgnoreReadOnlyProperties")]
    [InlineData("NumberHandling = WriteAsString", "public sealed record Counter(int Count);", "Counter", "WriteAsString")]
    [InlineData("NumberHandling = AllowNamedFloatingPointLiterals", "public sealed record Reading(double Value);", "Reading", "AllowNamedFloatingPointLiterals")]
    [InlineData("ReferenceHandler = Preserve", "public sealed record Counter(int Count);", "Counter", "ReferenceHandler")]
    [InlineData("Converters: JsonStringEnumConverter", "public enum House { Gryffindor, Slytherin } public sealed record Student(House House);", "Student", "House")]
    [InlineData("Converters: a converter of a property's type", "public sealed record Stamp(System.DateOnly Day);", "Stamp", "DayNumberConverter")]
    [InlineData("a contract modifier's ShouldSerialize", "public sealed record Counter(int Count);", "Counter", "ShouldSerialize")]
    public void A_knob_the_client_cannot_declare_fails_the_start_naming_it(string knob, string types, string returned, string named)
    {
        var shapes = Shapes(types, returned);

        var error = Record.Exception(() => Check(shapes, WebOptions(options => Turn(options, knob))));

        Assert.True(error is not null, $"{knob}: the app starts though its JSON differs from the client's declarations");
        var message = error.InnerException?.Message ?? error.Message;
        Assert.Contains(named, message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Knobs that change nothing the client declares, or that the types say with attributes the client follows: the app starts.
    /// </summary>
    [Theory]
    [InlineData("DefaultIgnoreCondition = WhenWritingNull", "public sealed record Student(string Name, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Nickname, int Year);", "Student")]
    [InlineData("ReferenceHandler = IgnoreCycles", "public sealed record Counter(int Count);", "Counter")]
    [InlineData("IgnoreReadOnlyProperties", "public sealed record Student(string Name) { public int Year { get; init; } }", "Student")]
    [InlineData("UnmappedMemberHandling = Disallow", "public sealed class Order { public required string Item { get; init; } }", "Order")]
    [InlineData("Converters: JsonStringEnumConverter", "public enum House { Gryffindor, Slytherin } public sealed record Student([property: System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))] House House);", "Student")]
    [InlineData("none", "public sealed record Score([property: System.Text.Json.Serialization.JsonNumberHandling(System.Text.Json.Serialization.JsonNumberHandling.WriteAsString)] int Points, [property: System.Text.Json.Serialization.JsonNumberHandling(System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals)] double Ratio);", "Score")]
    public void A_knob_the_client_follows_or_is_untouched_by_lets_the_app_start(string knob, string types, string returned)
    {
        var shapes = Shapes(types, returned);

        var error = Record.Exception(() => Check(shapes, WebOptions(options => Turn(options, knob))));

        Assert.True(error is null, $"{knob}: {error?.InnerException?.Message ?? error?.Message}");
    }

    private static void Turn(JsonSerializerOptions options, string knob)
    {
        switch (knob)
        {
            case "PropertyNamingPolicy = SnakeCaseLower": options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower; break;
            case "IncludeFields": options.IncludeFields = true; break;
            case "DefaultIgnoreCondition = WhenWritingDefault": options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault; break;
            case "DefaultIgnoreCondition = WhenWritingNull": options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull; break;
            case "IgnoreReadOnlyProperties": options.IgnoreReadOnlyProperties = true; break;
            case "NumberHandling = WriteAsString": options.NumberHandling = JsonNumberHandling.WriteAsString; break;
            case "NumberHandling = AllowNamedFloatingPointLiterals": options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals; break;
            case "ReferenceHandler = Preserve": options.ReferenceHandler = ReferenceHandler.Preserve; break;
            case "ReferenceHandler = IgnoreCycles": options.ReferenceHandler = ReferenceHandler.IgnoreCycles; break;
            case "UnmappedMemberHandling = Disallow": options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow; break;
            case "Converters: JsonStringEnumConverter": options.Converters.Add(new JsonStringEnumConverter()); break;
            case "Converters: a converter of a property's type": options.Converters.Add(new DayNumberConverter()); break;
            case "a contract modifier's ShouldSerialize":
                options.TypeInfoResolver = new DefaultJsonTypeInfoResolver
                {
                    Modifiers = { static typeInfo => MaybeLeaveOut(typeInfo) },
                };
                break;
            case "none": break;
            default: throw new ArgumentException("No such knob: " + knob, nameof(knob));
        }
    }

    /// <summary>Leaves every zero out, as an app's contract modifier might.</summary>
    private static void MaybeLeaveOut(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            property.ShouldSerialize = static (_, value) => value is not 0;
        }
    }

    /// <summary>Writes a <see cref="DateOnly"/> as its day number, as an app's own converter might.</summary>
    private sealed class DayNumberConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => DateOnly.FromDayNumber(reader.GetInt32());

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) => writer.WriteNumberValue(value.DayNumber);
    }

    /// <summary>The generator's <c>ClientJson()</c> for <paramref name="types"/>, returned by a server function as <paramref name="returned"/>.</summary>
    private static object[] Shapes(string types, string returned) => ShapesOf($$"""
        namespace Shop;

        {{types}}

        [Microsoft.AspNetCore.Authorization.AllowAnonymous]
        public static class Functions
        {
            [SessionAuth.ServerFunction] public static {{returned}} Get() => default!;
        }
        """);

    /// <summary>The generator's <c>ClientJson()</c> for <paramref name="source"/>.</summary>
    private static object[] ShapesOf(string source)
    {
        var compilation = GeneratorHarness.CreateCompilation(source);
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error)));
        var assembly = Assembly.Load(stream.ToArray());
        var method = assembly.GetTypes().SelectMany(static t => t.GetMethods(BindingFlags.Public | BindingFlags.Static)).Single(static m => m.Name == "ClientJson");
        return (object[])method.Invoke(null, null)!;
    }

    private static void Check(object[] shapes, JsonSerializerOptions options)
    {
        var list = shapes.Cast<ClientJsonShape>().ToList();
        typeof(ClientJsonShape).GetMethod("Check", BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, [list, options]);
    }

    private static JsonSerializerOptions WebOptions(Action<JsonSerializerOptions> configure)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        configure(options);
        return options;
    }
}
