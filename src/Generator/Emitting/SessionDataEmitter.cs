using Microsoft.CodeAnalysis.Text;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Emitting;

/// <summary>
/// Writes the declaration that a session data type is immutable: a module initializer, so the runtime knows before
/// the first request that requests with the same cookie may share one object of it.
/// </summary>
internal static class SessionDataEmitter
{
    public static SourceText Emit(SessionDataSpec sessionData)
    {
        var writer = GeneratedFile.Start();
        writer.OpenBlock("namespace SessionAuth.Generated");
        writer.WriteLines($$"""
            /// <summary>
            /// Declares <c>{{CSharpText.XmlText(sessionData.DisplayName)}}</c> immutable: its properties have no setter, its fields are read-only and all
            /// of them hold immutable types, so requests that carry the same session cookie share one object of it.
            /// </summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            internal static partial class ImmutableSessionDataDeclarations
            {
                [global::System.Runtime.CompilerServices.ModuleInitializer]
                internal static void Declare{{sessionData.DisplayName.Replace('.', '_')}}() =>
                    {{GeneratedFile.InfrastructureNamespace}}ImmutableSessionData.Declare<{{sessionData.Type}}>();
            }
            """);
        writer.CloseBlock();
        return writer.ToSourceText();
    }
}
