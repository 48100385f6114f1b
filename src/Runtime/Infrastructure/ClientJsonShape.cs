using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SessionAuth.Infrastructure;

/// <summary>
/// What the generated browser client declares of one type's JSON — an object's property names, an enum's values — checked
/// once at start-up against the app's JSON options, so that <c>client.d.ts</c> never describes JSON the server does not
/// write.
/// </summary>
/// <remarks>Used by the generated <c>MapServerFunctions()</c>; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ClientJsonShape
{
    private readonly Func<JsonSerializerOptions, string?> _mismatch;

    private ClientJsonShape(Type type, Func<JsonSerializerOptions, string?> mismatch)
    {
        Type = type;
        _mismatch = mismatch;
    }

    /// <summary>The type the client declares.</summary>
    internal Type Type { get; }

    /// <summary>An object the client declares as an interface of these JSON property names.</summary>
    /// <param name="type">The record, class or struct.</param>
    /// <param name="properties">The names of the properties the client declares, as JSON writes them.</param>
    /// <returns>The shape.</returns>
    public static ClientJsonShape Properties(Type type, params string[] properties)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(properties);
        return new ClientJsonShape(type, options => ObjectMismatch(options.GetTypeInfo(type), properties));
    }

    /// <summary>An enum the client declares by the JSON of each of its members: numbers (<c>0</c>) or strings (<c>"Gryffindor"</c>).</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="members">Each member.</param>
    /// <param name="json">The JSON the client declares for the member at the same index.</param>
    /// <returns>The shape.</returns>
    public static ClientJsonShape EnumMembers<TEnum>(TEnum[] members, string[] json)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(json);
        if (members.Length != json.Length)
        {
            throw new ArgumentException("Each member needs its JSON.", nameof(json));
        }

        return new ClientJsonShape(typeof(TEnum), options => EnumMismatch((JsonTypeInfo<TEnum>)options.GetTypeInfo(typeof(TEnum)), members, json));
    }

    /// <summary>How the app's JSON differs from the declaration, said for the start-up error; <see langword="null"/> when it does not.</summary>
    internal string? Mismatch(JsonSerializerOptions options)
    {
        try
        {
            return _mismatch(options);
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException)
        {
            // An AOT app whose resolver lacks the type: the endpoints that use it say so at start-up, with what to add.
            return null;
        }
    }

    private static string? ObjectMismatch(JsonTypeInfo typeInfo, string[] declared)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return $"{Name(typeInfo.Type)}: the app writes it with a converter of its own ({typeInfo.Kind}), the client declares an object of {List(declared)}";
        }

        var written = typeInfo.Properties.Where(static property => property.Get is not null && !property.IsExtensionData).Select(static property => property.Name).ToArray();
        return written.Order(StringComparer.Ordinal).SequenceEqual(declared.Order(StringComparer.Ordinal), StringComparer.Ordinal)
            ? null
            : $"{Name(typeInfo.Type)}: the app writes {List(written)}, the client declares {List(declared)}";
    }

    private static string? EnumMismatch<TEnum>(JsonTypeInfo<TEnum> typeInfo, TEnum[] members, string[] declared)
        where TEnum : struct, Enum
    {
        for (var index = 0; index < members.Length; index++)
        {
            var written = JsonSerializer.Serialize(members[index], typeInfo);
            using var writtenJson = JsonDocument.Parse(written);
            using var declaredJson = JsonDocument.Parse(declared[index]);
            if (!JsonElement.DeepEquals(writtenJson.RootElement, declaredJson.RootElement))
            {
                return $"{Name(typeof(TEnum))}: the app writes {members[index]} as {written}, the client declares {declared[index]}";
            }
        }

        return null;
    }

    private static string Name(Type type) => type.FullName?.Replace('+', '.') ?? type.Name;

    private static string List(IEnumerable<string> names)
    {
        var list = string.Join(", ", names);
        return list.Length == 0 ? "no properties" : list;
    }

    /// <summary>
    /// Fails the start when the client's declarations and the app's JSON disagree, naming each difference and what to set.
    /// Numbers written as strings (<see cref="JsonNumberHandling.WriteAsString"/>) make every number the client declares a lie.
    /// </summary>
    internal static void Check(IReadOnlyList<ClientJsonShape> shapes, JsonSerializerOptions options)
    {
        var mismatches = new List<string>();
        if (shapes.Count > 0 && (options.NumberHandling & JsonNumberHandling.WriteAsString) != 0)
        {
            mismatches.Add("the app writes numbers as strings (JsonNumberHandling.WriteAsString), the client declares numbers");
        }

        foreach (var shape in shapes)
        {
            if (shape.Mismatch(options) is { } mismatch)
            {
                mismatches.Add(mismatch);
            }
        }

        if (mismatches.Count > 0)
        {
            throw new InvalidOperationException(
                "The generated server function client (/_server/client.js, client.d.ts) does not describe the JSON this app writes: "
                + string.Join("; ", mismatches)
                + ". The client declares what System.Text.Json writes with minimal APIs' web defaults: camelCase property names, "
                + "enums as numbers unless a [JsonConverter(typeof(JsonStringEnumConverter))] on the enum or property says otherwise. "
                + "Keep those defaults in ConfigureHttpJsonOptions, or say the same with attributes on the types ([JsonPropertyName], "
                + "[JsonConverter]), which the client follows.");
        }
    }
}
