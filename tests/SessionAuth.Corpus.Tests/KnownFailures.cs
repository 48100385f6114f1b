using SessionAuth.Corpus.Tests.Differential;

namespace SessionAuth.Corpus.Tests;

/// <summary>
/// THE list of corpus shapes the generator fails today, each with what goes wrong. The corpus test fails on a failure
/// not listed here, and also on a listed shape that now holds: remove its line when the fix lands.
/// </summary>
internal static class KnownFailures
{
    public static readonly IReadOnlyDictionary<string, string> Shapes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["file: user type SessionAuth.Generated"] = "generated namespace SessionAuth.Generated clashes with the type: CS0101 at the user's declaration; the function is not mapped",
        ["file: user type SessionAuth.Generated declaring a server function"] = "CS0101 at the user's type SessionAuth.Generated, which itself declares the function; not mapped",
        ["file: user type SessionAuth.Generated, rules and immutable session data"] = "CS0101: the rules and session data files open namespace SessionAuth.Generated too",
        ["file: user type SessionAuth.Generated2"] = "CS0101 (the namespace is not chosen apart, so a second type does not matter)",
        ["file: user polyfill ModuleInitializerAttribute"] = "CS0436 in the generated session data file: [global::...ModuleInitializer] binds to the user's polyfill",
        ["type named like a name generated code writes: SessionAuth"] = "the generated namespace SessionAuth (the map file) clashes with the global type: CS0101, even with no server function",
        ["type named like a name generated code writes: SessionAuth.ServerFunctionMetadata"] = "CS0436, then CS0721 in generated code: global::SessionAuth.ServerFunctionMetadata binds to the user's type",
        ["type named like a name generated code writes: SessionAuth.Infrastructure"] = "CS0437, then CS0426 in every generated file: the type hides the namespace SessionAuth.Infrastructure",
        ["type named like a name generated code writes: SessionAuth.Infrastructure.ArgumentSource"] = "CS0436, then CS0721 in generated code",
        ["type named like a name generated code writes: SessionAuth.Infrastructure.ParameterBinding"] = "CS0436, then CS0117 in generated code",
        ["type named like a name generated code writes: SessionAuth.Infrastructure.ServerFunctionEndpoint"] = "CS0436, then CS0117 in generated code",
        ["type named like a name generated code writes: SessionAuth.Infrastructure.ServerFunctionResults"] = "CS0436, then CS0117 in generated code",
        ["type named like a name generated code writes: SessionAuth.Infrastructure.ServerFunctionRoutes"] = "CS0436, then CS0117 in generated code",
        ["type named like a name generated code writes: SessionAuth.Infrastructure.ServerFunctionSteps"] = "CS0436, then CS0721 in generated code",
        ["type named like a name generated code writes: System"] = "CS0437, then CS0426 in every generated file: the global type hides the namespace System",
        ["type named like a name generated code writes: System.Array"] = "CS0436, then CS0117 (Array.Empty) in generated code",
        ["type named like a name generated code writes: System.CodeDom"] = "CS0437, then CS0426 on every [GeneratedCode]",
        ["type named like a name generated code writes: System.CodeDom.Compiler"] = "CS0437, then CS0426 on every [GeneratedCode]",
        ["type named like a name generated code writes: System.CodeDom.Compiler.GeneratedCodeAttribute"] = "CS0616 on every [GeneratedCode]",
        ["type named like a name generated code writes: System.IServiceProvider"] = "CS0436, then CS0721 in generated code",
        ["type named like a name generated code writes: Microsoft"] = "CS0437, then CS0426 in every generated file: the global type hides the namespace Microsoft",
        ["type named like a name generated code writes: Microsoft.AspNetCore"] = "CS0437, then CS0426 in generated code",
        ["type named like a name generated code writes: Microsoft.AspNetCore.Builder"] = "CS0437, then CS0426 in the map file",
        ["type named like a name generated code writes: Microsoft.AspNetCore.Builder.IEndpointConventionBuilder"] = "CS0436, then CS0722 in the map file",
        ["type named like a name generated code writes: Microsoft.AspNetCore.Routing"] = "CS0437, then CS0426 in generated code",
        ["type named like a name generated code writes: Microsoft.AspNetCore.Routing.IEndpointRouteBuilder"] = "CS0436, then CS0721 in the map file",
        ["type named like a name generated code writes: Microsoft.AspNetCore.Routing.RouteGroupBuilder"] = "CS0436, then CS0721 in generated code",
    };

    /// <summary>
    /// Requests on which a server function binds or answers otherwise than its minimal API twin, and should not
    /// (issue 22, section 2). The differential test fails on a disagreement not excused here or in
    /// <see cref="ExpectedDifferences"/>, and on an entry here that no request needed any more.
    /// </summary>
    public static readonly Difference[] Bindings =
    [
    ];
}
