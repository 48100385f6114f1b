using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Differential.App;

namespace SessionAuth.Corpus.Tests.Differential;

/// <summary>Where a parameter's value travels in a request, read from its declaration as both sides should read it.</summary>
internal enum Wire
{
    Route,
    Query,
    Header,
    Form,
    JsonBody,

    /// <summary>A parameter with no attribute on a verb with a body: sent through the query, a JSON body or a form.</summary>
    Simple,

    /// <summary>A service (<c>[FromKeyedServices]</c>): nothing is sent for it.</summary>
    Service,
}

internal sealed record FunctionParameter(string Name, Type Type, Wire Wire, bool CatchAll);

/// <summary>One function of <see cref="Functions"/>: its server function route and verb, and its twin's route.</summary>
internal sealed partial record DifferentialFunction(string Name, string Verb, string Route, IReadOnlyList<FunctionParameter> Parameters)
{
    public string TwinRoute => "/twin" + Route["/sf".Length..];

    public static IReadOnlyList<DifferentialFunction> All { get; } = typeof(Functions)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.GetCustomAttribute<ServerFunctionAttribute>() is not null)
        .Select(Of)
        .ToList();

    private static DifferentialFunction Of(MethodInfo method)
    {
        var attribute = method.GetCustomAttribute<ServerFunctionAttribute>()!;
        var route = attribute.Route!;
        var routeNames = RouteParameter().Matches(route).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["star"].Success);
        var parameters = method.GetParameters().SelectMany(Bound).Select(p =>
        {
            var name = p.Name;
            var wire = routeNames.ContainsKey(name) ? Wire.Route
                : p.Attribute<FromKeyedServicesAttribute>() is not null ? Wire.Service
                : p.Attribute<FromHeaderAttribute>() is { } header ? Named(Wire.Header, header.Name, ref name)
                : p.Attribute<FromFormAttribute>() is { } form ? Named(Wire.Form, form.Name, ref name)
                : p.Attribute<FromQueryAttribute>() is { } query ? Named(Wire.Query, query.Name, ref name)
                : p.Attribute<FromBodyAttribute>() is not null || p.Type == typeof(Order) ? Wire.JsonBody
                : attribute.Method is "GET" or "DELETE" ? Wire.Query
                : Wire.Simple;
            return new FunctionParameter(name, p.Type, wire, routeNames.TryGetValue(name, out var star) && star);
        }).ToList();
        return new DifferentialFunction(method.Name, attribute.Method, route, parameters);
    }

    /// <summary>One value a request carries: a parameter, or a member of an [AsParameters] or complex [FromForm] parameter.</summary>
    private sealed record BoundValue(string Name, Type Type, ICustomAttributeProvider[] Declarations)
    {
        public T? Attribute<T>()
            where T : Attribute => Declarations.SelectMany(d => d.GetCustomAttributes(typeof(T), inherit: false)).OfType<T>().FirstOrDefault();
    }

    /// <summary>
    /// The values <paramref name="parameter"/> binds, as the Request Delegate Generator reads them: an [AsParameters]
    /// class's one public constructor's parameters (with their properties' attributes), a struct's or a parameterless
    /// class's settable properties; a [FromForm] complex type's members are form fields named like them.
    /// </summary>
    private static IEnumerable<BoundValue> Bound(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        var isForm = parameter.GetCustomAttribute<FromFormAttribute>() is not null
            && type != typeof(string) && !type.IsPrimitive && !type.IsEnum && !type.IsArray && Nullable.GetUnderlyingType(type) is null
            && type.GetInterface("System.IParsable`1") is null;
        if (parameter.GetCustomAttribute<AsParametersAttribute>() is null && !isForm)
        {
            return [new BoundValue(parameter.Name!, type, [parameter])];
        }

        var constructors = type.GetConstructors();
        var members = !type.IsValueType && constructors is [{ } constructor] && constructor.GetParameters().Length > 0
            ? constructor.GetParameters().Select(p => type.GetProperty(p.Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property
                ? new BoundValue(property.Name, property.PropertyType, [property, p])
                : throw new InvalidOperationException($"{type.Name}'s constructor parameter {p.Name} matches no property"))
            : type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }).Select(p => new BoundValue(p.Name, p.PropertyType, [p]));
        return isForm ? members.Select(m => m with { Declarations = [.. m.Declarations, new FormField()] }) : members;
    }

    /// <summary>Marks a member of a [FromForm] complex type as the form field named like it.</summary>
    private sealed class FormField : ICustomAttributeProvider
    {
        public object[] GetCustomAttributes(bool inherit) => [new FromFormAttribute()];

        public object[] GetCustomAttributes(Type attributeType, bool inherit) => attributeType.IsAssignableFrom(typeof(FromFormAttribute)) ? [new FromFormAttribute()] : [];

        public bool IsDefined(Type attributeType, bool inherit) => attributeType.IsAssignableFrom(typeof(FromFormAttribute));
    }

    private static Wire Named(Wire wire, string? attributeName, ref string name)
    {
        name = attributeName ?? name;
        return wire;
    }

    [GeneratedRegex(@"\{(?<star>\*{1,2})?(?<name>\w+)[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex RouteParameter();

    public static string Path(string route, IReadOnlyDictionary<string, string> routeValues) => RouteParameter().Replace(route, m =>
        routeValues.TryGetValue(m.Groups["name"].Value, out var value) ? Uri.EscapeDataString(value) : string.Empty);
}

/// <summary>How the body of a request is sent.</summary>
internal enum Transport
{
    None,
    Query,
    Json,
    UrlEncodedForm,
    MultipartForm,
}

/// <summary>
/// One request, sent alike to the server function and to its twin: each parameter missing or given one or more texts,
/// and how the values travel. <see cref="Tags"/> name its features for the lists of expected differences.
/// </summary>
internal sealed partial record DifferentialRequest(DifferentialFunction Function, IReadOnlyList<string[]?> Values, Transport Transport, string? Body)
{
    public IEnumerable<string> Tags
    {
        get
        {
            yield return "via:" + Transport.ToString().ToLowerInvariant();
            if (Body is not null)
            {
                var wrapped = Function.Parameters.Any(p => p.Wire == Wire.JsonBody && Body.StartsWith($"{{\"{p.Name}\"", StringComparison.Ordinal));
                yield return wrapped ? "body:wrapped" : Body.StartsWith('{') ? "body:object" : "body:other";
            }

            for (var i = 0; i < Values.Count; i++)
            {
                var name = Function.Parameters[i].Name;
                var values = Values[i];
                yield return values switch
                {
                    null => "missing:" + name,
                    { Length: > 1 } => "repeated:" + name,
                    [""] => "empty:" + name,
                    [var blank] when string.IsNullOrWhiteSpace(blank) => "blank:" + name,
                    [var number] when Integer().IsMatch(number) => "numeric:" + name,
                    _ => "value:" + name,
                };
            }
        }
    }

    [GeneratedRegex(@"^[+-]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Integer();

    public HttpRequestMessage Build(bool twin)
    {
        var routeValues = new Dictionary<string, string>(StringComparer.Ordinal);
        var query = new List<KeyValuePair<string, string>>();
        var fields = new List<KeyValuePair<string, string>>();
        var headers = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < Values.Count; i++)
        {
            var parameter = Function.Parameters[i];
            if (Values[i] is not { } values)
            {
                continue;
            }

            var pairs = values.Select(v => KeyValuePair.Create(parameter.Name, v));
            switch (parameter.Wire)
            {
                case Wire.Route:
                    routeValues[parameter.Name] = values[0];
                    break;
                case Wire.Header:
                    headers.AddRange(pairs);
                    break;
                case Wire.Query:
                case Wire.Simple when Transport == Transport.Query:
                    query.AddRange(pairs);
                    break;
                case Wire.Form:
                case Wire.Simple:
                    fields.AddRange(pairs);
                    break;
            }
        }

        var path = DifferentialFunction.Path(twin ? Function.TwinRoute : Function.Route, routeValues);
        if (query.Count > 0)
        {
            path += "?" + string.Join("&", query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        }

        var request = new HttpRequestMessage(new HttpMethod(Function.Verb), path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Content = Transport switch
        {
            Transport.Json when Body is not null => new StringContent(Body, Encoding.UTF8, "application/json"),
            Transport.Json when Function.Parameters.All(p => p.Wire != Wire.JsonBody) => new StringContent(JsonObject(fields), Encoding.UTF8, "application/json"),
            Transport.UrlEncodedForm => new FormUrlEncodedContent(fields),
            Transport.MultipartForm => Multipart(fields),
            _ => null,
        };
        return request;
    }

    public override string ToString()
    {
        using var request = Build(twin: false);
        var body = Transport switch
        {
            Transport.Json => " " + (Body ?? "json " + JsonObject(Fields())),
            Transport.UrlEncodedForm or Transport.MultipartForm => $" {Transport} " + string.Join("&", Fields().Select(f => $"{f.Key}={f.Value}")),
            _ => string.Empty,
        };
        var headers = string.Concat(request.Headers.Select(h => $" [{h.Key}: {string.Join(",", h.Value)}]"));
        return $"{request.Method} {request.RequestUri}{headers}{body}";
    }

    private List<KeyValuePair<string, string>> Fields()
    {
        var fields = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < Values.Count; i++)
        {
            if (Values[i] is { } values && Function.Parameters[i].Wire is Wire.Form or Wire.Simple)
            {
                fields.AddRange(values.Select(v => KeyValuePair.Create(Function.Parameters[i].Name, v)));
            }
        }

        return fields;
    }

    /// <summary>The fields as one JSON object; a text that is a JSON number or literal is sent as one, any other as a string.</summary>
    private static string JsonObject(List<KeyValuePair<string, string>> fields) =>
        "{" + string.Join(",", fields.Select(f => $"{JsonString(f.Key)}:{JsonToken(f.Value)}")) + "}";

    /// <summary>A JSON string of any UTF-16 text, a lone surrogate included (as its escape, which a JSON reader may refuse).</summary>
    public static string JsonString(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var c in text)
        {
            json.Append(c is < ' ' or > '~' or '"' or '\\' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return json.Append('"').ToString();
    }

    private static string JsonToken(string text)
    {
        if (text is "true" or "false")
        {
            return text;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Number ? text : JsonString(text);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // Not JSON, or not even valid UTF-16 (a lone surrogate).
            return JsonString(text);
        }
    }

    private static MultipartFormDataContent Multipart(List<KeyValuePair<string, string>> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        return content;
    }
}

/// <summary>Request values per parameter type (CsCheck): well-formed values in several spellings, and junk.</summary>
internal static class RequestValues
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Texts no parameter type takes as they are, sent to every parameter.</summary>
    private static readonly string[] Junk =
    [
        "", " ", "abc", "null", "1.5", "-", "\u0663", "\u2028", "99999999999999999999999999", "0x1F", "1e3", " 5 ", "+5", "true", "%",
        "1,2", "[1]", "{}", "\"5\"", "\ud800", "NaN",
    ];

    public static Gen<string> Texts(params string[] texts) => Gen.OneOf(texts.Select(t => Gen.Const(t)).ToArray());

    /// <summary>The text of one value of <paramref name="type"/>: random, an edge case of the type, or junk.</summary>
    public static Gen<string> For(Type type) =>
        Gen.Frequency((3, Random(ValueType(type))), (1, Texts(Edges(type))), (1, Texts(Junk)));

    /// <summary>The type one text of <paramref name="type"/> is: an array's element, without <c>Nullable</c>.</summary>
    private static Type ValueType(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        return Nullable.GetUnderlyingType(element) ?? element;
    }

    /// <summary>Types that bind themselves (BindAsync) from a query key: any text, the one each refuses, and empty.</summary>
    private static readonly Type[] SelfBinding = [typeof(Cart), typeof(Tagged), typeof(Caller), typeof(Region), typeof(Zone), typeof(Both)];

    /// <summary>Every fixed text worth sending to a parameter of <paramref name="type"/>: its edge cases, then junk.</summary>
    public static string[] Fixed(Type type) => [.. Edges(type), .. Junk];

    private static string[] Edges(Type type)
    {
        var valueType = ValueType(type);
        return valueType switch
        {
            _ when valueType == typeof(int) => ["2147483647", "-2147483648", "2147483648", "007", "-0", "1_000"],
            _ when valueType == typeof(long) => ["9223372036854775807", "9223372036854775808"],
            _ when valueType == typeof(short) => ["32767", "32768", "-32769"],
            _ when valueType == typeof(byte) => ["255", "256", "-1"],
            _ when valueType == typeof(uint) => ["-1", "4294967295", "4294967296"],
            _ when valueType == typeof(double) => ["NaN", "Infinity", "-Infinity", "1e308", "1E-5", "-0", "1.7976931348623157E+309", "\u221e", "1,000.5"],
            _ when valueType == typeof(float) => ["NaN", "3.5e38", "1E-50", "-Infinity"],
            _ when valueType == typeof(decimal) => ["1e3", "1.50", "79228162514264337593543950336", "-0.0", "1,000"],
            _ when valueType == typeof(Half) => ["65504", "65520", "NaN"],
            _ when valueType == typeof(Int128) => ["170141183460469231731687303715884105727", "170141183460469231731687303715884105728"],
            _ when valueType == typeof(bool) => ["true", "false", "True", "FALSE", "1", "0", "yes", " true"],
            _ when valueType == typeof(char) => ["a", "ab", "\ud83d\ude00", "\t"],
            _ when valueType == typeof(Guid) => ["7d5c2a598a1e4b439d5e0c2d6c1f9a10", "{7d5c2a59-8a1e-4b43-9d5e-0c2d6c1f9a10}", "7D5C2A59-8A1E-4B43-9D5E-0C2D6C1F9A10", "7d5c2a59-8a1e-4b43-9d5e"],
            _ when valueType == typeof(DateTime) || valueType == typeof(DateTimeOffset) =>
                ["2024-05-06", "2024-05-06T07:08:09Z", "2024-05-06T07:08:09+02:00", "2024-05-06T07:08:09.1234567-05:00", "05/06/2024", "06.05.2024", "Mon, 06 May 2024 07:08:09 GMT", "2024-13-01", "2024-02-30"],
            _ when valueType == typeof(DateOnly) => ["2024-05-06", "05/06/2024", "2024-05-06T00:00:00", "2024-02-30"],
            _ when valueType == typeof(TimeOnly) => ["07:08", "07:08:09.1234567", "7:08 PM", "24:00", "07:08Z"],
            _ when valueType == typeof(TimeSpan) => ["01:02:03", "1.02:03:04", "-00:00:01", "24:00:00", "P1D"],
            _ when valueType == typeof(string) => ["text", "null", "a,b", "a, b", "\ud83d\ude00", "<script>"],
            _ when valueType == typeof(Sku) => ["A-1", "refuse", "refused", "a b", "a,b", "\t", "-"],
            _ when valueType == typeof(Lenient) => ["a", "a b"],
            _ when SelfBinding.Contains(valueType) => ["a", "none", "x y", "a,b"],
            _ when valueType == typeof(Color) => ["Red", "red", "GREEN", "Blue", "0", "2", "42", "-1", "Red,Blue", "Purple", " Red"],
            _ when valueType == typeof(Access) => ["Read", "Read, Write", "read,write", "3", "8", "All", "Read|Write", "None"],
            _ when valueType == typeof(Version) => ["1.2", "1.2.3", "1.2.3.4", "1", "1.2.3.4.5", "-1.0"],
            _ => throw new NotSupportedException($"no request values for {type}: add them to RequestValues"),
        };
    }

    private static Gen<string> Random(Type type) => type switch
    {
        _ when type == typeof(int) => Gen.Frequency((3, Gen.Int[-1000, 1000].Select(Format)), (1, Gen.Int.Select(Format))),
        _ when type == typeof(long) => Gen.Long.Select(Format),
        _ when type == typeof(short) => Gen.Short.Select(Format),
        _ when type == typeof(byte) => Gen.Byte.Select(Format),
        _ when type == typeof(uint) => Gen.UInt.Select(Format),
        _ when type == typeof(double) => Gen.Double.Select(d => d.ToString("R", Invariant)),
        _ when type == typeof(float) => Gen.Float.Select(f => f.ToString("R", Invariant)),
        _ when type == typeof(decimal) => Gen.Decimal.Select(d => d.ToString(Invariant)),
        _ when type == typeof(Half) => Gen.Float[-70000, 70000].Select(f => ((Half)f).ToString(Invariant)),
        _ when type == typeof(Int128) => Gen.Int128.Select(i => i.ToString(Invariant)),
        _ when type == typeof(bool) => Gen.Bool.Select(b => b ? "true" : "false"),
        _ when type == typeof(char) => Gen.Char.Select(c => c.ToString()),
        _ when type == typeof(Guid) => Spelled(Gen.Guid, ["D", "N", "B", "P", "X"]),
        _ when type == typeof(DateTime) => Spelled(Gen.DateTime, DateFormats),
        _ when type == typeof(DateTimeOffset) => Spelled(Gen.DateTimeOffset, DateFormats),
        _ when type == typeof(DateOnly) => Spelled(Gen.DateOnly, ["yyyy-MM-dd", "O", "MM/dd/yyyy", "dd.MM.yyyy"]),
        _ when type == typeof(TimeOnly) => Spelled(Gen.TimeOnly, ["HH:mm", "HH:mm:ss", "O", "h:mm tt"]),
        _ when type == typeof(TimeSpan) => Spelled(Gen.TimeSpan, ["c", "g", "G"]),
        _ when type == typeof(string) => Gen.Frequency((3, Gen.String), (1, Gen.String[Gen.Char['a', 'z'], 1, 8])),
        _ when type == typeof(Sku) || type == typeof(Lenient) || SelfBinding.Contains(type) => Gen.Frequency((3, Gen.String[Gen.Char['a', 'z'], 1, 8]), (1, Gen.String)),
        _ when type == typeof(Color) => Gen.Int[-2, 5].Select(i => ((Color)i).ToString()),
        _ when type == typeof(Access) => Gen.Int[0, 9].Select(i => ((Access)i).ToString()),
        _ when type == typeof(Version) => Gen.Int[0, 99].Select(i => $"{i}.{i % 7}"),
        _ => throw new NotSupportedException($"no request values for {type}: add them to RequestValues"),
    };

    private static readonly string[] DateFormats = ["O", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:sszzz", "MM/dd/yyyy HH:mm", "R"];

    /// <summary>A random value of a type spelled in one of several formats.</summary>
    private static Gen<string> Spelled<T>(Gen<T> values, string[] formats)
        where T : IFormattable =>
        from value in values
        from format in Texts(formats)
        select value.ToString(format, Invariant);

    private static string Format(int value) => value.ToString(Invariant);

    private static string Format(long value) => value.ToString(Invariant);

    private static string Format(short value) => value.ToString(Invariant);

    private static string Format(byte value) => value.ToString(Invariant);

    private static string Format(uint value) => value.ToString(Invariant);

    /// <summary>A JSON body for an <see cref="Order"/> parameter named <paramref name="name"/>: the object itself, wrapped in a member of that name, or junk.</summary>
    public static Gen<string> OrderBody(string name) =>
        from id in Gen.Int[-5, 500]
        from text in Gen.String[Gen.Char['a', 'z'], 0, 6]
        from casing in Gen.Bool
        from kind in Gen.Int[0, 4]
        let order = casing ? $"{{\"id\":{id},\"name\":{DifferentialRequest.JsonString(text)}}}" : $"{{\"Id\":{id},\"Name\":{DifferentialRequest.JsonString(text)}}}"
        select kind switch
        {
            0 or 1 => order,
            2 => $"{{{DifferentialRequest.JsonString(name)}:{order}}}",
            3 => "{\"id\":\"seven\"}",
            _ => "[]",
        };
}
