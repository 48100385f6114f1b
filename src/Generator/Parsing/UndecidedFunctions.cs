using SessionAuth.Generators.Model;
using static SessionAuth.Generators.Parsing.ModelText;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// The server functions an assembly's <c>MapServerFunctions()</c> maps (its own and those of every assembly it maps)
/// that make no guard decision of their own (<see cref="GuardSpec.IsDecided"/>), as text in a constant of its map class
/// (<see cref="FieldName"/>). Such a function is decided, in its own project, only by a guard on that project's
/// <c>MapServerFunctions()</c>; a project that sees its internals maps it again through its own map, whose group carries
/// no guard of the other's, so SAUTH0001 asks that project for a decision on its own map call. Read from the generator's
/// own model rather than from the other assembly's symbols, as the client model is (<see cref="ClientModel"/>): it holds
/// exactly what that assembly's generator maps, even of a third assembly whose internals this one cannot see.
/// </summary>
internal static class UndecidedFunctions
{
    /// <summary>The constant's name: versioned, so that a change of the format is a field the reader does not find, never one it misreads.</summary>
    public const string FieldName = "ServerFunctionsWithoutDecisionV1";

    /// <summary>The assembly's own section: its functions without a decision of their own, by name.</summary>
    public static UndecidedSectionSpec Own(string assemblyKey, IEnumerable<ServerFunctionSpec> functions) =>
        new(assemblyKey, Known: true, functions.Where(static f => !f.Guard.IsDecided).Select(static f => f.Name).ToEquatableArray());

    /// <summary>The assembly's own section first, then every section of the assemblies it maps, each assembly's once.</summary>
    public static EquatableArray<UndecidedSectionSpec> Compose(UndecidedSectionSpec own, EquatableArray<UndecidedSectionSpec> referenced) =>
        Once(new[] { own }.Concat(referenced));

    /// <summary>Each assembly's first section: one reached twice (a diamond) is mapped once, by the first map that reaches it.</summary>
    public static EquatableArray<UndecidedSectionSpec> Once(IEnumerable<UndecidedSectionSpec> sections) =>
        sections.GroupBy(static s => s.Assembly, StringComparer.Ordinal).Select(static g => g.First()).ToEquatableArray();

    public static string Write(EquatableArray<UndecidedSectionSpec> sections)
    {
        var writer = new Writer();
        writer.Count(sections.Count);
        foreach (var section in sections)
        {
            writer.Text(section.Assembly);
            writer.Flag(section.Known);
            writer.Count(section.Functions.Count);
            foreach (var function in section.Functions)
            {
                writer.Text(function);
            }
        }

        return writer.ToString();
    }

    /// <summary>
    /// The sections <paramref name="model"/> holds, when it is a model this version writes. Total: any other text is
    /// unreadable, and never an exception, which would fail the generator or the analyzer reading it.
    /// </summary>
    public static bool TryRead(string model, out EquatableArray<UndecidedSectionSpec> sections)
    {
        try
        {
            var reader = new Reader(model);
            sections = reader.List(() => new UndecidedSectionSpec(reader.Text(), reader.Flag(), reader.List(reader.Text)));
            if (reader.AtEnd)
            {
                return true;
            }
        }
        catch (FormatException)
        {
            // The reader's one way of saying the text is not a model: below, as any text that does not read to its end.
        }

        sections = EquatableArray<UndecidedSectionSpec>.Empty;
        return false;
    }
}
