using Microsoft.CodeAnalysis.Text;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Emitting;

/// <summary>
/// Writes the declaration that a session data type is immutable: a module initializer, so the runtime knows before
/// the first request that requests with the same cookie may share one object of it.
/// </summary>
internal static class SessionDataEmitter
{
    /// <summary>The class's name unless the assembly sees a type of that name (then <c>GeneratedNamesParser</c> numbers it).</summary>
    public const string ClassName = "ImmutableSessionDataDeclarations";

    public static SourceText Emit(SessionDataFileSpec file, GeneratedNames names)
    {
        var sessionData = file.SessionData;
        var writer = GeneratedFile.Start();
        writer.OpenBlock("namespace " + names.Namespace);
        // One partial class gathers every session data type's declaration, so its attributes sit on each method: on
        // the class, two files would repeat them (CS0579).
        writer.OpenBlock("internal static partial class " + names.SessionDataClass);
        GeneratedFile.WithWarningsDisabled(writer, sessionData.DisabledWarnings, "the type is [Obsolete] or [Experimental]: declaring it immutable is no new use", () => writer.WriteLines($$"""
            /// <summary>
            /// Declares <c>{{CSharpText.XmlText(sessionData.DisplayName)}}</c> immutable: its properties have no setter, its fields are read-only and all
            /// of them hold immutable types, so requests that carry the same session cookie share one object of it.
            /// </summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            [global::System.Runtime.CompilerServices.ModuleInitializer]
            internal static void {{file.MethodName}}() =>
                {{GeneratedFile.InfrastructureNamespace}}ImmutableSessionData.Declare<{{sessionData.Type}}>();
            """));
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToSourceText();
    }
}
