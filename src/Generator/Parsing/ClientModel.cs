using SessionAuth.Generators.Model;
using static SessionAuth.Generators.Parsing.ModelText;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// The client sections an assembly's <c>MapServerFunctions()</c> maps (its own and those of every assembly it maps), as
/// text in a constant of its map class (<see cref="FieldName"/>): a project that maps the assembly's functions reads it
/// from the reference and offers them in its own client, the one <c>/_server/client.js</c> serves. Read from the
/// generator's own model rather than from the other assembly's symbols, so the client holds exactly what that
/// assembly's generator mapped (functions it refused with SAUTH0003 left out), even of a third assembly whose internals
/// this one cannot see. Each text is a length and a colon before it, so no character needs escaping.
/// </summary>
internal static class ClientModel
{
    /// <summary>
    /// The constant's name: versioned, so that a change of the format is a field the reader does not find, never one it
    /// misreads. V2: a union type (a <c>Results&lt;…&gt;</c> result) with its alternatives, which V1 left out. V3: the
    /// same text, from an assembly whose entry method registers the start-up checks of the functions the model lists
    /// (<c>ServerFunctionClientFiles.RegisterChecks</c>), which a V2 assembly's does not: its functions are left out of
    /// the client (SAUTH0018) rather than offered unchecked against the app's JSON options and services.
    /// </summary>
    public const string FieldName = FieldPrefix + "V3";

    /// <summary>What the constant's name starts with in every format, by which a model of another version is told from none.</summary>
    public const string FieldPrefix = "ServerFunctionClientModel";

    /// <summary>The assembly's own section first, then every section of the models of the assemblies it maps that this version can read (<see cref="TryRead"/>), each assembly's once.</summary>
    public static EquatableArray<ClientSectionSpec> Compose(ClientSectionSpec own, EquatableArray<string> referenced)
    {
        var sections = new List<ClientSectionSpec> { own };
        var assemblies = new HashSet<string>(StringComparer.Ordinal) { own.Assembly };
        foreach (var model in referenced)
        {
            if (TryRead(model, out var read))
            {
                sections.AddRange(read.Where(section => assemblies.Add(section.Assembly)));
            }
        }

        return sections.ToEquatableArray();
    }

    public static string Write(EquatableArray<ClientSectionSpec> sections)
    {
        var writer = new Writer();
        writer.Count(sections.Count);
        foreach (var section in sections)
        {
            writer.Text(section.Assembly);
            writer.Count(section.Functions.Count);
            foreach (var function in section.Functions)
            {
                writer.Text(function.TypeKey);
                writer.Text(function.ObjectName);
                Write(writer, function.Function);
            }
        }

        return writer.ToString();
    }

    /// <summary>
    /// The sections <paramref name="model"/> holds, when it is a model this version writes and it holds together
    /// (<see cref="HoldsTogether"/>). Total: any other text (cut short, altered, written by another version, or made up)
    /// is unreadable, and never an exception, which would fail the generator of the project reading it (CS8785).
    /// </summary>
    public static bool TryRead(string model, out EquatableArray<ClientSectionSpec> sections)
    {
        try
        {
            var reader = new Reader(model);
            sections = reader.List(() => new ClientSectionSpec(
                reader.Text(),
                reader.List(() => new ClientSectionFunctionSpec(reader.Text(), reader.Text(), ReadFunction(reader)))));
            if (reader.AtEnd && sections.All(static s => s.Functions.All(static f => HoldsTogether(f.Function))))
            {
                return true;
            }
        }
        catch (FormatException)
        {
            // The reader's one way of saying the text is not a model: below, as any text that does not hold together.
        }

        sections = EquatableArray<ClientSectionSpec>.Empty;
        return false;
    }

    /// <summary>
    /// Whether every type <paramref name="function"/> names is one it holds (its arguments, its result and the
    /// properties of its types, each a key of <see cref="ClientFunctionSpec.Types"/>), and every array, record and
    /// nullable type has the type it is of: what the client's emitter relies on.
    /// </summary>
    private static bool HoldsTogether(ClientFunctionSpec function)
    {
        var held = new HashSet<string>(function.Types.Select(static t => t.Key), StringComparer.Ordinal);
        return function.Parameters.All(p => Holds(p.Type))
            && Holds(function.Returns)
            && function.Types.All(t => t.Properties.All(p => Holds(p.Type)));

        bool Holds(ClientTypeSpec type) => type.Kind switch
        {
            ClientTypeKind.Named => held.Contains(type.Text) && type.Element is null && type.Alternatives.Count == 0,
            ClientTypeKind.Keyword or ClientTypeKind.Text => type.Text.Length > 0 && type.Element is null && type.Alternatives.Count == 0,
            ClientTypeKind.Union => type.Element is null && type.Alternatives.Count > 1 && type.Alternatives.All(Holds),
            _ => type.Element is not null && type.Alternatives.Count == 0 && Holds(type.Element),
        };
    }

    private static void Write(Writer writer, ClientFunctionSpec function)
    {
        writer.Text(function.FunctionName);
        writer.Text(function.HttpMethod);
        writer.Text(function.Route);
        writer.Count(function.Parameters.Count);
        foreach (var parameter in function.Parameters)
        {
            writer.Text(parameter.Name);
            writer.Text(parameter.WireName);
            writer.Count((int)parameter.Source);
            Write(writer, parameter.Type);
            writer.Flag(parameter.IsOptional);
            WriteMembers(writer, parameter.TextNames);
        }

        Write(writer, function.Returns);
        writer.Count(function.Types.Count);
        foreach (var type in function.Types)
        {
            writer.Text(type.Key);
            writer.Text(type.Name);
            writer.Flag(type.IsEnum);
            writer.Count(type.Properties.Count);
            foreach (var property in type.Properties)
            {
                writer.Text(property.JsonName);
                Write(writer, property.Type);
                writer.Flag(property.IsOptional);
            }

            WriteMembers(writer, type.Members);
        }
    }

    private static void WriteMembers(Writer writer, EquatableArray<ClientEnumMemberSpec> members)
    {
        writer.Count(members.Count);
        foreach (var member in members)
        {
            writer.Text(member.Name);
            writer.Text(member.Literal);
        }
    }

    private static void Write(Writer writer, ClientTypeSpec type)
    {
        writer.Count((int)type.Kind);
        writer.Text(type.Text);
        writer.Flag(type.Element is not null);
        if (type.Element is not null)
        {
            Write(writer, type.Element);
        }

        writer.Count(type.Alternatives.Count);
        foreach (var alternative in type.Alternatives)
        {
            Write(writer, alternative);
        }
    }

    private static ClientFunctionSpec ReadFunction(Reader reader) => new(
        reader.Text(),
        reader.Text(),
        reader.Text(),
        reader.List(() => new ClientParameterSpec(
            reader.Text(),
            reader.Text(),
            reader.Enum<ClientArgumentSource>(),
            ReadType(reader, 0),
            reader.Flag(),
            ReadMembers(reader))),
        ReadType(reader, 0),
        reader.List(() => new ClientNamedTypeSpec(
            reader.Text(),
            reader.Text(),
            reader.Flag(),
            reader.List(() => new ClientPropertySpec(reader.Text(), ReadType(reader, 0), reader.Flag())),
            ReadMembers(reader))));

    private static EquatableArray<ClientEnumMemberSpec> ReadMembers(Reader reader) =>
        reader.List(() => new ClientEnumMemberSpec(reader.Text(), reader.Text()));

    /// <summary>
    /// How deeply type expressions may nest (<c>int?[][]</c> is three): far beyond what a signature writes, and short of
    /// what would exhaust the stack of a generator reading a made-up model nested a million deep.
    /// </summary>
    private const int MaxTypeDepth = 64;

    private static ClientTypeSpec ReadType(Reader reader, int depth)
    {
        if (depth > MaxTypeDepth)
        {
            throw new FormatException("Types nested too deeply.");
        }

        var kind = reader.Enum<ClientTypeKind>();
        var text = reader.Text();
        var element = reader.Flag() ? ReadType(reader, depth + 1) : null;
        return new ClientTypeSpec(kind, text, element, reader.List(() => ReadType(reader, depth + 1)));
    }
}
