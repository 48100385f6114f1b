using System.ComponentModel;
using System.Reflection;
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

    private ClientJsonShape(Type type, string declared, Func<JsonSerializerOptions, string?> mismatch)
    {
        Type = type;
        Declared = declared;
        _mismatch = mismatch;
    }

    /// <summary>The type the client declares.</summary>
    internal Type Type { get; }

    /// <summary>What the client declares of it, as text: two assemblies' shapes of one type that declare it alike are checked once.</summary>
    internal string Declared { get; }

    /// <summary>An object the client declares as an interface of these JSON property names.</summary>
    /// <param name="type">The record, class or struct.</param>
    /// <param name="properties">The names of the properties the client declares always present, as JSON writes them.</param>
    /// <param name="optional">The names of the properties the client declares optional (<c>name?: T</c>), which JSON may leave out.</param>
    /// <returns>The shape.</returns>
    public static ClientJsonShape Properties(Type type, string[] properties, string[] optional)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(optional);
        return new ClientJsonShape(type, Declaration("object", properties, optional), options => ObjectMismatch(options.GetTypeInfo(type), properties, optional));
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

        return new ClientJsonShape(typeof(TEnum), Declaration("enum", members.Select(static member => member.ToString("D")), json), options => EnumMismatch((JsonTypeInfo<TEnum>)options.GetTypeInfo(typeof(TEnum)), members, json));
    }

    /// <summary>Two lists of text as one text, each item with its length before it, so that no two declarations share one.</summary>
    private static string Declaration(string kind, IEnumerable<string> first, IEnumerable<string> second) =>
        kind + "|" + string.Concat(first.Select(static item => item.Length + ":" + item)) + "|" + string.Concat(second.Select(static item => item.Length + ":" + item));

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

    /// <summary>
    /// How the object the app writes differs from the declaration: the names it writes (a member STJ's contract lists but
    /// does not write, read-only ones under <c>IgnoreReadOnlyProperties</c>, left out), a property the client declares
    /// always present that the app may leave out, a type discriminator, a converter of the options'.
    /// </summary>
    private static string? ObjectMismatch(JsonTypeInfo typeInfo, string[] declared, string[] optional)
    {
        var all = declared.Concat(optional).ToArray();
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return $"{Name(typeInfo.Type)}: the app writes it with a converter of its own ({typeInfo.Kind}), the client declares an object of {List(all)}";
        }

        if (typeInfo.PolymorphismOptions is not null)
        {
            return $"{Name(typeInfo.Type)}: the app writes a type discriminator ({typeInfo.PolymorphismOptions.TypeDiscriminatorPropertyName}) and its derived types' properties, the client declares an object of {List(all)}";
        }

        var writtenProperties = typeInfo.Properties.Where(property => IsWritten(property, typeInfo.Options)).ToList();
        var written = writtenProperties.Select(static property => property.Name).ToArray();
        if (!written.Order(StringComparer.Ordinal).SequenceEqual(all.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            var why = typeInfo.Options.IgnoreReadOnlyProperties || typeInfo.Options.IgnoreReadOnlyFields
                ? " (IgnoreReadOnlyProperties or IgnoreReadOnlyFields leaves read-only members out; set it to false)"
                : string.Empty;
            return $"{Name(typeInfo.Type)}: the app writes {List(written)}, the client declares {List(all)}{why}";
        }

        var alwaysPresent = new HashSet<string>(declared, StringComparer.Ordinal);
        foreach (var property in writtenProperties)
        {
            if (alwaysPresent.Contains(property.Name) && LeftOutWhen(property, typeInfo.Options) is { } when)
            {
                return $"{Name(typeInfo.Type)}.{property.Name}: the app leaves it out {when}, the client declares it always present; "
                    + "set DefaultIgnoreCondition = JsonIgnoreCondition.Never, or mark the property [JsonIgnore(Condition = ...)], which the client declares optional";
            }

            if (property.CustomConverter is null
                && WrittenTypes(property.PropertyType, typeInfo.Options, depth: 0).FirstOrDefault(type => !UnderlyingType(type).IsEnum && typeInfo.Options.Converters.Any(converter => converter.CanConvert(type))) is { } converted
                && typeInfo.Options.Converters.First(converter => converter.CanConvert(converted)) is var converter)
            {
                return $"{Name(typeInfo.Type)}.{property.Name}: the app writes its {Name(converted)} with {converter.GetType().Name} from the JSON options' Converters, "
                    + "the client declares what System.Text.Json writes by default; put the converter on the property ([JsonConverter]), which the client declares unknown, or remove it";
            }

            if ((typeInfo.Options.NumberHandling & JsonNumberHandling.AllowNamedFloatingPointLiterals) != 0 && property.NumberHandling is null && typeInfo.NumberHandling is null
                && UnderlyingType(property.PropertyType) is var number && (number == typeof(double) || number == typeof(float) || number == typeof(Half)))
            {
                return $"{Name(typeInfo.Type)}.{property.Name}: the app writes NaN and infinities as strings (JsonNumberHandling.AllowNamedFloatingPointLiterals), the client declares a number; "
                    + "put [JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] on the property or the type, which the client declares number | string";
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="type"/> and the types STJ writes inside it, as its contract says: a collection's elements and a
    /// dictionary's values (an options converter for <c>DateTime</c> changes a <c>List&lt;DateTime&gt;</c> as much as a
    /// <c>DateTime</c>). Nested collections to a few levels, as deep as a declared property goes in practice.
    /// </summary>
    private static IEnumerable<Type> WrittenTypes(Type type, JsonSerializerOptions options, int depth)
    {
        yield return type;
        if (depth < 3 && ContractOf(type, options) is { Kind: JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary, ElementType: { } element })
        {
            foreach (var written in WrittenTypes(element, options, depth + 1))
            {
                yield return written;
            }
        }
    }

    private static JsonTypeInfo? ContractOf(Type type, JsonSerializerOptions options)
    {
        try
        {
            return options.GetTypeInfo(type);
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            // No contract for it (a source-generated context that leaves it out): nothing inside it is written either.
            return null;
        }
    }

    /// <summary>Whether STJ writes <paramref name="property"/>: it has a getter, is no extension data, and is not read-only where the options leave those out.</summary>
    private static bool IsWritten(JsonPropertyInfo property, JsonSerializerOptions options)
    {
        if (property.Get is null || property.IsExtensionData)
        {
            return false;
        }

        var isField = property.AttributeProvider is FieldInfo;
        return property.Set is not null || !(isField ? options.IgnoreReadOnlyFields : options.IgnoreReadOnlyProperties);
    }

    /// <summary>When the app leaves <paramref name="property"/> out of an object (said for the message), or <see langword="null"/> when it always writes it.</summary>
    private static string? LeftOutWhen(JsonPropertyInfo property, JsonSerializerOptions options)
    {
        // The property's own [JsonIgnore(Condition = ...)] decides for it. A source-generated contract carries that condition
        // as a ShouldSerialize, so a ShouldSerialize counts as a contract modifier's only where no attribute explains it.
        var own = property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: false).OfType<JsonIgnoreAttribute>().FirstOrDefault();
        if (own is null && property.ShouldSerialize is not null)
        {
            return "when its ShouldSerialize (a contract modifier) says so";
        }

        var condition = own?.Condition ?? options.DefaultIgnoreCondition;
        return condition switch
        {
            JsonIgnoreCondition.WhenWritingDefault => "when it holds its type's default (DefaultIgnoreCondition = WhenWritingDefault)",
            JsonIgnoreCondition.WhenWritingNull when MayBeNull(property) => "when it is null (DefaultIgnoreCondition = WhenWritingNull)",
            _ => null,
        };
    }

    /// <summary>Whether the property may hold null: a nullable value type, or a reference type not annotated non-nullable.</summary>
    private static bool MayBeNull(JsonPropertyInfo property)
    {
        if (property.PropertyType.IsValueType)
        {
            return Nullable.GetUnderlyingType(property.PropertyType) is not null;
        }

        var nullability = new NullabilityInfoContext();
        var state = property.AttributeProvider switch
        {
            PropertyInfo info => nullability.Create(info).ReadState,
            FieldInfo info => nullability.Create(info).ReadState,
            _ => NullabilityState.Unknown,
        };
        return state != NullabilityState.NotNull;
    }

    private static Type UnderlyingType(Type type) => Nullable.GetUnderlyingType(type) ?? type;

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
            mismatches.Add("the app writes numbers as strings (JsonNumberHandling.WriteAsString), the client declares numbers; keep the option's WriteAsString off and put [JsonNumberHandling] on the types or properties that need it, which the client follows");
        }

        if (shapes.Count > 0 && options.ReferenceHandler is { } references && references != ReferenceHandler.IgnoreCycles)
        {
            mismatches.Add("the app writes reference metadata ($id, $ref, $values: a ReferenceHandler), the client declares plain objects and arrays; remove the ReferenceHandler, or use ReferenceHandler.IgnoreCycles");
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
                + "[JsonConverter], [JsonIgnore(Condition = ...)], [JsonNumberHandling]), which the client follows.");
        }
    }
}
