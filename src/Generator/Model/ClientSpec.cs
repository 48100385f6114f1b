using System.Globalization;
using System.Text;

namespace SessionAuth.Generators.Model;

// Plain values, as the rest of the model: the client is built from strings, enums and EquatableArray, never from symbols.

/// <summary>
/// The browser client of one server function: how the generated TypeScript client calls it, and the TypeScript types its
/// arguments and result are described by. Built from the same parse as the endpoint (<see cref="ServerFunctionSpec.Client"/>).
/// </summary>
/// <param name="FunctionName">The client function's name: the method's, camelCase.</param>
/// <param name="HttpMethod">The HTTP verb.</param>
/// <param name="Route">The route pattern; the client fills in its route parameters.</param>
/// <param name="Parameters">The arguments the caller passes, in declaration order (<c>[AsParameters]</c> members flat).</param>
/// <param name="Returns">What the promise resolves to.</param>
/// <param name="Types">Every named type (record, class, struct, enum) that the arguments and the result reach, followed transitively.</param>
/// <param name="ServicesOrJson">
/// The parameters the server takes from DI when the app registers their type and from the JSON body otherwise, with the
/// client's choice for each, which the runtime checks against the app's services when it serves the client.
/// </param>
internal sealed record ClientFunctionSpec(
    string FunctionName,
    string HttpMethod,
    string Route,
    EquatableArray<ClientParameterSpec> Parameters,
    ClientTypeSpec Returns,
    EquatableArray<ClientNamedTypeSpec> Types,
    EquatableArray<ClientServiceOrJsonSpec> ServicesOrJson = default);

/// <summary>
/// A parameter that DI answers when the app registers its type, and the JSON body otherwise (as minimal APIs decide, with
/// <c>IServiceProviderIsService</c>, when the app starts), and how the client, which is written before the app runs, takes it.
/// </summary>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="TypeName">Its type, fully qualified for <c>typeof</c>.</param>
/// <param name="IsSentAsJson">Whether the client sends it as a member of the JSON body rather than leave it to DI.</param>
internal sealed record ClientServiceOrJsonSpec(string Parameter, string TypeName, bool IsSentAsJson);

/// <summary>One argument of a client function.</summary>
/// <param name="Name">The argument's name in TypeScript.</param>
/// <param name="WireName">The name the request carries it by (the route value, query key, header, JSON member or form field).</param>
/// <param name="Source">Where in the request it goes.</param>
/// <param name="Type">Its TypeScript type.</param>
/// <param name="IsOptional">Whether the caller may leave it out: nullable, or with a default value.</param>
/// <param name="TextNames">
/// For an enum sent as text whose JSON names differ from its member names (<c>[JsonStringEnumMemberName]</c>): each
/// JSON name (<see cref="ClientEnumMemberSpec.Literal"/>) with the member name the server parses (<c>Enum.TryParse</c>).
/// </param>
internal sealed record ClientParameterSpec(
    string Name,
    string WireName,
    ClientArgumentSource Source,
    ClientTypeSpec Type,
    bool IsOptional,
    EquatableArray<ClientEnumMemberSpec> TextNames = default);

/// <summary>Where a client argument goes; the emitted script names each by the same word in lower case.</summary>
internal enum ClientArgumentSource
{
    Route,
    Query,
    Header,

    /// <summary>A member of the JSON object body (or a field of the form, when a file goes with it).</summary>
    Json,

    /// <summary>The whole JSON body (<c>[FromBody]</c>).</summary>
    Body,

    /// <summary>A form field, or a file.</summary>
    Form,

    /// <summary>The raw request body (a <c>Stream</c> or <c>PipeReader</c> parameter).</summary>
    Raw,
}

/// <summary>A TypeScript type expression.</summary>
/// <param name="Kind">What kind of type it is.</param>
/// <param name="Text">For <see cref="ClientTypeKind.Keyword"/> the keyword (<c>string</c>, <c>Blob</c>); for <see cref="ClientTypeKind.Named"/> the named type's key.</param>
/// <param name="Element">For arrays, records and nullable types: the element, value or underlying type.</param>
/// <param name="Alternatives">For a union: the types it is one of.</param>
internal sealed record ClientTypeSpec(ClientTypeKind Kind, string Text, ClientTypeSpec? Element = null, EquatableArray<ClientTypeSpec> Alternatives = default)
{
    public static ClientTypeSpec Unknown { get; } = new(ClientTypeKind.Keyword, "unknown");

    public static ClientTypeSpec Void { get; } = new(ClientTypeKind.Keyword, "void");

    public static ClientTypeSpec Keyword(string keyword) => new(ClientTypeKind.Keyword, keyword);

    public static ClientTypeSpec Named(string key) => new(ClientTypeKind.Named, key);

    public static ClientTypeSpec ArrayOf(ClientTypeSpec element) => new(ClientTypeKind.Array, string.Empty, element);

    public static ClientTypeSpec RecordOf(ClientTypeSpec value) => new(ClientTypeKind.Record, string.Empty, value);

    /// <summary><c>undefined</c>: what a call resolves to when the answer has no body, beside other outcomes.</summary>
    public static ClientTypeSpec Undefined { get; } = new(ClientTypeKind.Keyword, "undefined");

    /// <summary><c>never</c>: what a call resolves to when every answer rejects the promise.</summary>
    public static ClientTypeSpec Never { get; } = new(ClientTypeKind.Keyword, "never");

    /// <summary>The body of a text result, read as text (<see cref="ClientTypeKind.Text"/>).</summary>
    public static ClientTypeSpec TextBody { get; } = new(ClientTypeKind.Text, "string");

    /// <summary>
    /// One of <paramref name="types"/>, each once, in order, leaving out <c>never</c> (an outcome that rejects): <c>never</c>
    /// when none is left, <c>unknown</c> when one is <c>unknown</c>, <c>void</c> when every one is <c>void</c>, and
    /// otherwise with <c>void</c> as <c>undefined</c>.
    /// </summary>
    public static ClientTypeSpec UnionOf(IEnumerable<ClientTypeSpec> types)
    {
        var alternatives = new List<ClientTypeSpec>();
        foreach (var type in types.SelectMany(static t => t.Kind == ClientTypeKind.Union ? t.Alternatives.AsEnumerable() : new[] { t }))
        {
            if (type != Never && !alternatives.Contains(type))
            {
                alternatives.Add(type);
            }
        }

        // A text result may name a JSON content type (TypedResults.Text(json, "application/json")): beside an outcome
        // written as JSON, nothing in the answer tells its text from a JSON value, so the call resolves to either.
        if (alternatives.Contains(Unknown) || (alternatives.Contains(TextBody) && alternatives.Any(static a => a != TextBody && a != Void)))
        {
            return Unknown;
        }

        if (alternatives.All(static a => a == Void))
        {
            return alternatives.Count == 0 ? Never : Void;
        }

        var values = alternatives.Select(static a => a == Void ? Undefined : a).Distinct().ToList();
        return values.Count == 1 ? values[0] : new(ClientTypeKind.Union, string.Empty, Alternatives: values.ToEquatableArray());
    }

    /// <summary><paramref name="type"/> or <c>null</c>; <c>unknown</c> already holds <c>null</c>, and a nullable type is not made nullable twice.</summary>
    public static ClientTypeSpec NullableOf(ClientTypeSpec type) =>
        type.Kind == ClientTypeKind.Nullable || type == Unknown ? type : new(ClientTypeKind.Nullable, string.Empty, type);
}

internal enum ClientTypeKind
{
    /// <summary>A built-in type: <c>string</c>, <c>number</c>, <c>boolean</c>, <c>unknown</c>, <c>void</c>, <c>Blob</c>.</summary>
    Keyword,

    /// <summary>A record, class, struct or enum of the app, declared once in the client.</summary>
    Named,

    /// <summary><c>T[]</c>.</summary>
    Array,

    /// <summary><c>Record&lt;string, T&gt;</c>.</summary>
    Record,

    /// <summary><c>T | null</c>.</summary>
    Nullable,

    /// <summary><c>A | B</c>: the values a call with several outcomes resolves to.</summary>
    Union,

    /// <summary>
    /// <c>string</c>: the body of a text result (<c>ContentHttpResult</c>, <c>Utf8ContentHttpResult</c>), which the client
    /// reads as text whatever content type it names; a JSON <c>string</c> is a <see cref="Keyword"/>.
    /// </summary>
    Text,
}

/// <summary>A record, class, struct or enum that the client declares: an interface, or an enum's type and constants.</summary>
/// <param name="Key">
/// The C# type, fully qualified with its nullable annotations, which tells two types of the same name apart, and
/// <c>Page&lt;string&gt;</c> from <c>Page&lt;string?&gt;</c>.
/// </param>
/// <param name="Name">The name it is declared by when no other takes it: the type's name, nested types joined with <c>_</c>.</param>
/// <param name="IsEnum">Whether it is an enum (<see cref="Members"/>) rather than an object (<see cref="Properties"/>).</param>
/// <param name="Properties">The properties JSON writes, by their JSON names.</param>
/// <param name="Members">The enum's members and the values JSON writes for them.</param>
/// <param name="IsCheckable">
/// Whether generated code may name the type (and, for an enum, each member) to check at start-up what the app's JSON
/// writes of it: accessible from the assembly, and nothing in it [Obsolete] or [Experimental], which naming would warn of.
/// A type read from another assembly's client model is not: that assembly's entry method registers its own checks, which
/// run against the options of the app that maps it.
/// </param>
/// <param name="TypeName">The C# type, fully qualified without nullable annotations, as <c>typeof</c> names it; empty when not checkable.</param>
internal sealed record ClientNamedTypeSpec(
    string Key,
    string Name,
    bool IsEnum,
    EquatableArray<ClientPropertySpec> Properties,
    EquatableArray<ClientEnumMemberSpec> Members,
    bool IsCheckable = false,
    string TypeName = "");

/// <summary>One property of an object type, as JSON writes it.</summary>
/// <param name="JsonName">Its JSON name.</param>
/// <param name="Type">Its TypeScript type.</param>
/// <param name="IsOptional">Whether JSON may leave it out (<c>[JsonIgnore(Condition = WhenWritingNull)]</c> and the like).</param>
internal sealed record ClientPropertySpec(string JsonName, ClientTypeSpec Type, bool IsOptional);

/// <summary>One enum member: its name, and the TypeScript literal of what JSON writes for it (<c>0</c>, <c>"Gryffindor"</c>).</summary>
internal sealed record ClientEnumMemberSpec(string Name, string Literal);

/// <summary>
/// The whole client: one object per declaring type, each with its functions, and every named type once, each under a
/// name no other export takes.
/// </summary>
/// <param name="Objects">The declaring types' objects: each section's in the order of their names, the assembly's own first.</param>
/// <param name="Types">The named types, in the order of their names, each with the name it is exported by.</param>
internal sealed record ClientSpec(EquatableArray<ClientObjectSpec> Objects, EquatableArray<ClientExportedTypeSpec> Types)
{
    /// <summary>Names the shared core of the client exports, which no declaring type or named type takes.</summary>
    public static readonly string[] CoreExports = ["ServerFunctionError", "RedirectKind", "ServerFunctionClientOptions", "ServerFunctionCallOptions", "configure"];

    /// <summary>
    /// The client of every section's functions: the assembly's own first, so that its objects keep their names, then the
    /// assemblies it maps; an object whose name an earlier one took is numbered (<c>Orders2</c>), as are two of one
    /// assembly's.
    /// </summary>
    public static ClientSpec Of(EquatableArray<ClientSectionSpec> sections)
    {
        sections = ComposedTypeKeys.Apply(sections);
        var exports = new UniqueNames(StringComparer.Ordinal, CoreExports);
        var objects = new List<ClientObjectSpec>();
        foreach (var section in sections)
        {
            foreach (var group in section.Functions
                .GroupBy(static f => f.TypeKey, StringComparer.Ordinal)
                .OrderBy(static g => g.First().ObjectName, StringComparer.Ordinal)
                .ThenBy(static g => g.Key, StringComparer.Ordinal))
            {
                // Functions are listed, and those of one name numbered (find, find2), by name, route and verb, never by the
                // order the compiler met them in: the files of a partial class come in any order.
                var functionNames = new UniqueNames(StringComparer.Ordinal);
                var members = group
                    .Select(static f => f.Function)
                    .OrderBy(static f => f.FunctionName, StringComparer.Ordinal)
                    .ThenBy(static f => f.Route, StringComparer.Ordinal)
                    .ThenBy(static f => f.HttpMethod, StringComparer.Ordinal)
                    .ThenBy(static f => string.Join(",", f.Parameters.Select(static p => p.WireName)), StringComparer.Ordinal)
                    .Select(client => client with { FunctionName = functionNames.Take(client.FunctionName) })
                    .ToEquatableArray();
                objects.Add(new ClientObjectSpec(exports.Take(group.First().ObjectName), members));
            }
        }

        var types = sections
            .SelectMany(static s => s.Functions)
            .SelectMany(static f => f.Function.Types)
            .GroupBy(static t => t.Key, StringComparer.Ordinal)
            .Select(static g => g.First())
            .OrderBy(static t => t.Name, StringComparer.Ordinal)
            .ThenBy(static t => t.Key, StringComparer.Ordinal)
            .Select(t => new ClientExportedTypeSpec(exports.Take(t.Name), t))
            .ToEquatableArray();
        return new ClientSpec(objects.ToEquatableArray(), types);
    }
}

/// <summary>
/// The client functions of one assembly's own server functions, which its <c>MapServerFunctions()</c> maps; an assembly
/// that maps another's offers that one's section too (<see cref="Parsing.ClientModel"/>).
/// </summary>
/// <param name="Assembly">The assembly's name, by which a section reached twice (a diamond) is taken once.</param>
/// <param name="Functions">Its functions.</param>
internal sealed record ClientSectionSpec(string Assembly, EquatableArray<ClientSectionFunctionSpec> Functions)
{
    public static ClientSectionSpec Of(string assembly, IEnumerable<ServerFunctionSpec> functions) =>
        new(assembly, functions
            .Where(static f => f.Client is not null)
            .Select(f => new ClientSectionFunctionSpec(assembly + "|" + f.ContainingTypePath, ObjectName(f), f.Client!))
            .ToEquatableArray());

    /// <summary>The declaring type's names without the namespace, nested types joined with <c>_</c>.</summary>
    private static string ObjectName(ServerFunctionSpec function) =>
        function.Name.Substring(0, function.Name.LastIndexOf('.')).Replace('.', '_');
}

/// <summary>A client function with the declaring type it is exported under.</summary>
/// <param name="TypeKey">The declaring type, with its assembly: functions of one key share an object.</param>
/// <param name="ObjectName">The object's name when no other export takes it.</param>
/// <param name="Function">The function.</param>
internal sealed record ClientSectionFunctionSpec(string TypeKey, string ObjectName, ClientFunctionSpec Function);

/// <summary>The object a declaring type's functions are exported on.</summary>
internal sealed record ClientObjectSpec(string Name, EquatableArray<ClientFunctionSpec> Functions);

/// <summary>A named type with the name it is exported by.</summary>
internal sealed record ClientExportedTypeSpec(string Name, ClientNamedTypeSpec Type);

/// <summary>
/// The keys of the named types of a composed client. A key is a type's full name, which tells types apart within one
/// assembly, but two assemblies can each have a type of one full name (an app's <c>Shop.Models.Page</c> and a library's it
/// cannot see): such types keep the key when they have one shape, which in TypeScript is one type, and otherwise the
/// later section's is keyed with its assembly too, and so declared apart (numbered, as clashing names are). Shapes are
/// compared with the types they reach (a <c>Page</c> of <c>Line</c>s is another shape when its <c>Line</c> is), by
/// refining classes of equal shape until they no longer split, so recursive types end and no type is walked twice per
/// round.
/// </summary>
internal static class ComposedTypeKeys
{
    public static EquatableArray<ClientSectionSpec> Apply(EquatableArray<ClientSectionSpec> sections)
    {
        // Every (section, key), the section's first declaration of the key; a section names its types by key alone.
        var entries = new List<(int Section, ClientNamedTypeSpec Type)>();
        var bySection = new List<Dictionary<string, int>>();
        for (var section = 0; section < sections.Count; section++)
        {
            var keys = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var type in sections[section].Functions.SelectMany(static f => f.Function.Types))
            {
                if (!keys.ContainsKey(type.Key))
                {
                    keys.Add(type.Key, entries.Count);
                    entries.Add((section, type));
                }
            }

            bySection.Add(keys);
        }

        if (entries.Select(static e => e.Type.Key).Distinct(StringComparer.Ordinal).Count() == entries.Count)
        {
            return sections;
        }

        var references = entries.Select(e => References(e.Type).Select(key => bySection[e.Section].TryGetValue(key, out var index) ? index : -1).ToList()).ToList();
        var classes = Number(entries.Select(static e => e.Type.Key + "\u0001" + LocalShape(e.Type)).ToList());
        while (true)
        {
            var refined = Number(entries.Select((_, i) => classes[i].ToString(CultureInfo.InvariantCulture) + ":" + string.Join(",", references[i].Select(r => r < 0 ? "?" : classes[r].ToString(CultureInfo.InvariantCulture)))).ToList());
            var done = refined.Distinct().Count() == classes.Distinct().Count();
            classes = refined;
            if (done)
            {
                break;
            }
        }

        // Each class keyed by its first entry's key, unless a class before it took that key.
        var composedKeys = new Dictionary<int, string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (!composedKeys.ContainsKey(classes[i]))
            {
                var key = entries[i].Type.Key;
                var composed = taken.Contains(key) ? key + "|" + sections[entries[i].Section].Assembly : key;
                for (var number = 2; !taken.Add(composed); number++)
                {
                    composed = key + "|" + sections[entries[i].Section].Assembly + "|" + number.ToString(CultureInfo.InvariantCulture);
                }

                composedKeys.Add(classes[i], composed);
            }
        }

        return sections.Select((section, index) =>
        {
            var keyOf = bySection[index].ToDictionary(static p => p.Key, p => composedKeys[classes[p.Value]], StringComparer.Ordinal);
            return section.Functions.All(f => f.Function.Types.All(t => keyOf[t.Key] == t.Key))
                ? section
                : section with { Functions = section.Functions.Select(f => f with { Function = Rekey(f.Function, keyOf) }).ToEquatableArray() };
        }).ToEquatableArray();
    }

    /// <summary>Class numbers for <paramref name="signatures"/>: equal signatures, equal numbers.</summary>
    private static List<int> Number(List<string> signatures)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        return signatures.Select(signature => numbers.TryGetValue(signature, out var number) ? number : numbers[signature] = numbers.Count).ToList();
    }

    /// <summary>The type's shape with the types it names written by key, which <see cref="References"/> lists in the same order.</summary>
    private static string LocalShape(ClientNamedTypeSpec type)
    {
        var text = new StringBuilder().Append(type.Name).Append(type.IsEnum ? "|enum" : "|object");
        foreach (var property in type.Properties)
        {
            text.Append("|p:").Append(property.JsonName.Length).Append(':').Append(property.JsonName).Append(property.IsOptional ? "?" : "!");
            Shape(property.Type, text);
        }

        foreach (var member in type.Members)
        {
            text.Append("|m:").Append(member.Name.Length).Append(':').Append(member.Name).Append('=').Append(member.Literal.Length).Append(':').Append(member.Literal);
        }

        return text.ToString();

        static void Shape(ClientTypeSpec type, StringBuilder text)
        {
            text.Append('(').Append((int)type.Kind).Append(':').Append(type.Kind == ClientTypeKind.Named ? string.Empty : type.Text);
            if (type.Element is not null)
            {
                Shape(type.Element, text);
            }

            foreach (var alternative in type.Alternatives)
            {
                Shape(alternative, text);
            }

            text.Append(')');
        }
    }

    private static IEnumerable<string> References(ClientNamedTypeSpec type) => type.Properties.SelectMany(static p => Named(p.Type));

    private static IEnumerable<string> Named(ClientTypeSpec type)
    {
        if (type.Kind == ClientTypeKind.Named)
        {
            yield return type.Text;
        }

        foreach (var key in (type.Element is null ? [] : new[] { type.Element }).Concat(type.Alternatives).SelectMany(Named))
        {
            yield return key;
        }
    }

    private static ClientFunctionSpec Rekey(ClientFunctionSpec function, Dictionary<string, string> keyOf) => function with
    {
        Parameters = function.Parameters.Select(p => p with { Type = Rekey(p.Type, keyOf) }).ToEquatableArray(),
        Returns = Rekey(function.Returns, keyOf),
        Types = function.Types.Select(t => t with
        {
            Key = keyOf[t.Key],
            Properties = t.Properties.Select(p => p with { Type = Rekey(p.Type, keyOf) }).ToEquatableArray(),
        }).ToEquatableArray(),
    };

    private static ClientTypeSpec Rekey(ClientTypeSpec type, Dictionary<string, string> keyOf) => type with
    {
        Text = type.Kind == ClientTypeKind.Named && keyOf.TryGetValue(type.Text, out var key) ? key : type.Text,
        Element = type.Element is null ? null : Rekey(type.Element, keyOf),
        Alternatives = type.Alternatives.Select(a => Rekey(a, keyOf)).ToEquatableArray(),
    };
}
