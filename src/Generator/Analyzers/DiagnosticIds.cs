namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// The rule ids, in one place for the descriptors and the code fixes (linked into SessionAuth.CodeFixes, which must not
/// reference the analyzer assembly's types at run time).
/// </summary>
internal static class DiagnosticIds
{
    public const string EndpointWithoutGuardDecision = "SAUTH0001";
    public const string OpenRedirect = "SAUTH0002";
    public const string ServerFunctionCannotBeBuilt = "SAUTH0003";
    public const string SessionDataWithoutGuard = "SAUTH0004";
    public const string ConflictingGuardAttributes = "SAUTH0005";
    public const string PasswordLiteral = "SAUTH0006";
    public const string SessionDataType = "SAUTH0007";
    public const string SessionChangedOnGet = "SAUTH0008";
    public const string MetadataGuardWithoutMiddleware = "SAUTH0009";
    public const string ServerFunctionsShareRoute = "SAUTH0010";
    public const string SessionDataTypeCount = "SAUTH0011";
    public const string PasswordTooShort = "SAUTH0012";
    public const string SessionRuleCannotBeChecked = "SAUTH0013";
    public const string SessionRuleArgumentMissingOrUnwanted = "SAUTH0014";
    public const string SessionRuleArgumentUnreadable = "SAUTH0015";
    public const string SessionRuleNeverChecked = "SAUTH0016";
    public const string OutputCacheOnPersonalisedFunction = "SAUTH0017";
    public const string ReferencedFunctionsNotMapped = "SAUTH0018";
}

/// <summary>What a SAUTH0001 diagnostic tells its code fix through <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/>.</summary>
internal static class GuardFixes
{
    /// <summary>The property; absent on diagnostics whose fix the code fix reads from the syntax.</summary>
    public const string Property = "SessionAuth.Fix";

    /// <summary>A Razor component class in source: either attribute decides for its one endpoint.</summary>
    public const string Component = "Component";

    /// <summary>A page reported on the call that maps it (a generated or referenced page): no edit there is the page's decision.</summary>
    public const string None = "None";
}
