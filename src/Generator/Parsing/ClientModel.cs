using System.Globalization;
using System.Text;
using SessionAuth.Generators.Model;

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
    /// <summary>The constant's name: versioned, so that a change of the format is a field the reader does not find, never one it misreads.</summary>
    public const string FieldName = "ServerFunctionClientModelV1";

    /// <summary>The assembly's own section first, then every section of the models of the assemblies it maps, each assembly's once.</summary>
    public static EquatableArray<ClientSectionSpec> Compose(ClientSectionSpec own, EquatableArray<string> referenced)
    {
        var sections = new List<ClientSectionSpec> { own };
        var assemblies = new HashSet<string>(StringComparer.Ordinal) { own.Assembly };
        foreach (var model in referenced)
        {
            sections.AddRange(Read(model).Where(section => assemblies.Add(section.Assembly)));
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

    /// <summary>The sections <paramref name="model"/> holds, or none when it is not one this version writes.</summary>
    public static IEnumerable<ClientSectionSpec> Read(string model)
    {
        try
        {
            var reader = new Reader(model);
            var sections = reader.List(() => new ClientSectionSpec(
                reader.Text(),
                reader.List(() => new ClientSectionFunctionSpec(reader.Text(), reader.Text(), ReadFunction(reader)))));
            return reader.AtEnd ? sections : [];
        }
        catch (FormatException)
        {
            return [];
        }
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
    }

    private static ClientFunctionSpec ReadFunction(Reader reader) => new(
        reader.Text(),
        reader.Text(),
        reader.Text(),
        reader.List(() => new ClientParameterSpec(
            reader.Text(),
            reader.Text(),
            reader.Enum<ClientArgumentSource>(),
            ReadType(reader),
            reader.Flag(),
            ReadMembers(reader))),
        ReadType(reader),
        reader.List(() => new ClientNamedTypeSpec(
            reader.Text(),
            reader.Text(),
            reader.Flag(),
            reader.List(() => new ClientPropertySpec(reader.Text(), ReadType(reader), reader.Flag())),
            ReadMembers(reader))));

    private static EquatableArray<ClientEnumMemberSpec> ReadMembers(Reader reader) =>
        reader.List(() => new ClientEnumMemberSpec(reader.Text(), reader.Text()));

    private static ClientTypeSpec ReadType(Reader reader)
    {
        var kind = reader.Enum<ClientTypeKind>();
        var text = reader.Text();
        return new ClientTypeSpec(kind, text, reader.Flag() ? ReadType(reader) : null);
    }

    private sealed class Writer
    {
        private readonly StringBuilder _text = new();

        public void Text(string value) => _text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);

        public void Count(int value) => Text(value.ToString(CultureInfo.InvariantCulture));

        public void Flag(bool value) => Text(value ? "1" : "0");

        public override string ToString() => _text.ToString();
    }

    private sealed class Reader(string text)
    {
        private int _at;

        public bool AtEnd => _at == text.Length;

        public string Text()
        {
            var colon = text.IndexOf(':', _at);
            if (colon < 0 || !int.TryParse(text.Substring(_at, colon - _at), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || colon + 1 + length > text.Length)
            {
                throw new FormatException("Not a client model.");
            }

            _at = colon + 1 + length;
            return text.Substring(colon + 1, length);
        }

        public int Count() => int.TryParse(Text(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException("Not a count.");

        public bool Flag() => Count() != 0;

        public TEnum Enum<TEnum>()
            where TEnum : struct, System.Enum
        {
            var value = Count();
            return System.Enum.IsDefined(typeof(TEnum), value) ? (TEnum)(object)value : throw new FormatException("Not a " + typeof(TEnum).Name + ".");
        }

        public EquatableArray<T> List<T>(Func<T> item)
            where T : IEquatable<T>
        {
            var count = Count();
            var items = new List<T>();
            for (var i = 0; i < count; i++)
            {
                items.Add(item());
            }

            return items.ToEquatableArray();
        }
    }
}
