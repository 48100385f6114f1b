namespace SessionAuth.Generators.Model;

/// <summary>A [SessionData] type the generator found deeply immutable, declared so to the runtime.</summary>
/// <param name="Type">The type, <c>global::</c>-qualified.</param>
/// <param name="DisplayName">The type as a reader knows it: namespace and type names, joined by dots.</param>
internal sealed record SessionDataSpec(string Type, string DisplayName)
{
    public string HintName => $"SessionData.{DisplayName}.g.cs";
}
