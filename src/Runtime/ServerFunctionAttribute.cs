namespace SessionAuth;

/// <summary>
/// Turns a method into an HTTP endpoint. The SessionAuth source generator writes the endpoint: it runs the session
/// guard (when <see cref="RequireSessionAttribute"/> applies), binds the arguments, calls the method and writes the
/// result. Map every server function of an assembly with <c>app.MapServerFunctions()</c>.
/// </summary>
/// <remarks>
/// The default route is <c>/_server/{TypeName}/{MethodName}</c> (nested type names joined by <c>.</c>) and the
/// default verb is POST.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ServerFunctionAttribute : Attribute
{
    /// <summary>Uses the default route, <c>/_server/{TypeName}/{MethodName}</c>.</summary>
    public ServerFunctionAttribute()
    {
    }

    /// <summary>Uses <paramref name="route"/>, an ASP.NET Core route pattern such as <c>/api/students/{house}</c>.</summary>
    /// <param name="route">The route pattern of the endpoint.</param>
    public ServerFunctionAttribute(string route)
    {
        Route = route;
    }

    /// <summary>The route pattern, or <see langword="null"/> for the default route.</summary>
    public string? Route { get; }

    /// <summary>The HTTP method the endpoint answers; POST unless set.</summary>
    public string Method { get; set; } = "POST";
}
