using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// The C# language versions generated code compiles at. Generated code uses module initializers, static lambdas,
/// <c>nint</c> and target-typed <c>new</c> (C# 9) and nothing newer, so a project may set any <c>LangVersion</c> from
/// C# 9 on; below it every server function is refused by name (SAUTH0003) and the generator writes nothing that would
/// not compile. Session rules need C# 11 of the project's own code (static abstract interface members), which the
/// compiler itself asks for.
/// </summary>
internal static class LanguageVersions
{
    public const LanguageVersion Minimum = LanguageVersion.CSharp9;

    /// <summary>The language version the compilation's code is parsed at; C# 9 for a compilation that is not C# (never the case here).</summary>
    public static LanguageVersion Of(Compilation compilation) =>
        compilation is CSharpCompilation csharp ? csharp.LanguageVersion : Minimum;

    public static LanguageVersion Of(ParseOptions options) =>
        options is CSharpParseOptions csharp ? csharp.LanguageVersion : Minimum;

    public static bool Supports(LanguageVersion version) => version >= Minimum;

    /// <summary>SAUTH0003's reason for a server function of a project below <see cref="Minimum"/>.</summary>
    public static string Reason(LanguageVersion version) =>
        $"the project compiles at C# {version.ToDisplayString()} (LangVersion) and the generated endpoint needs C# {Minimum.ToDisplayString()} or later; set <LangVersion> to 9.0 or later, or remove it to use the SDK's default";
}
