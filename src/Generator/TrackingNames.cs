namespace SessionAuth.Generators;

/// <summary>Names of the generator's tracked steps; tests assert each is cached after an unrelated edit.</summary>
internal static class TrackingNames
{
    public const string ServerFunctions = nameof(ServerFunctions);
    public const string DeclaringTypes = nameof(DeclaringTypes);
    public const string EndpointShapes = nameof(EndpointShapes);
    public const string MapEntries = nameof(MapEntries);
    public const string ReferencesRuntime = nameof(ReferencesRuntime);
    public const string SeesReferencedMapServerFunctions = nameof(SeesReferencedMapServerFunctions);
    public const string GeneratedNames = nameof(GeneratedNames);
    public const string ImmutableSessionData = nameof(ImmutableSessionData);
    public const string SessionDataFiles = nameof(SessionDataFiles);
    public const string DeclaredSessionRules = nameof(DeclaredSessionRules);
    public const string NamedSessionRules = nameof(NamedSessionRules);
    public const string RazorFiles = nameof(RazorFiles);
    public const string RazorSessionRules = nameof(RazorSessionRules);
    public const string SessionRuleRegistrations = nameof(SessionRuleRegistrations);
    public const string Client = nameof(Client);
    public const string ReferencedClients = nameof(ReferencedClients);
    public const string ClientSections = nameof(ClientSections);
    public const string UndecidedFunctions = nameof(UndecidedFunctions);
}
