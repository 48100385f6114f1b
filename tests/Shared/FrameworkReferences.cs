using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SessionAuth.Testing;

/// <summary>
/// The framework this test process runs on (the .NET libraries, ASP.NET Core and Microsoft.Extensions) as references for
/// in-memory compilations, so no reference assemblies are downloaded (linked into each test project that compiles code).
/// </summary>
internal static class FrameworkReferences
{
    public static ImmutableArray<MetadataReference> All { get; } =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(System.IO.Path.PathSeparator)
            .Where(static path => IsFramework(System.IO.Path.GetFileName(path)))
            .Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

    private static bool IsFramework(string name) =>
        name.StartsWith("System.", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
        || name is "netstandard.dll" or "mscorlib.dll";
}
