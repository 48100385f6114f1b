namespace SessionAuth.Generators.Model;

/// <summary>
/// What a <c>.razor</c> file (an <c>AdditionalFiles</c> item the Razor SDK passes to every generator) says about the rules
/// its component carries: the Razor compiler's own output is invisible to this generator, so a rule named only in an
/// <c>@attribute</c> is read here, with what the C# around it would see.
/// </summary>
/// <param name="Folder">The file's folder in the project, '/'-separated, empty at the root.</param>
/// <param name="IsImports">Whether it is an <c>_Imports.razor</c>, whose <c>@using</c> and <c>@namespace</c> apply to its folder and below.</param>
/// <param name="Usings">Its <c>@using</c> directives, as C# <c>using</c> directives without the semicolon.</param>
/// <param name="Namespace">Its <c>@namespace</c>, if any.</param>
/// <param name="Attributes">Its <c>@attribute</c> directives that name <c>RequireSession</c>, each a C# attribute list.</param>
internal sealed record RazorFileSpec(string Folder, bool IsImports, EquatableArray<string> Usings, string? Namespace, EquatableArray<string> Attributes);
