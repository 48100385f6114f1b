using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using SessionAuth.Generators.Model;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Emitting;

/// <summary>
/// Writes one generic method per endpoint shape. Each builds, at startup, what a function of that shape needs (its
/// parameter bindings and the JSON contract of its result), hands <c>ServerFunctionEndpoint</c> the steps to run before
/// the function (cross-site check, session guard, argument read) and a small synchronous body that binds the
/// arguments, calls the function and writes the result, and maps the endpoint. The functions themselves only pass
/// their types, names and method (<see cref="DeclaringTypeEmitter"/>).
/// </summary>
internal static class EndpointShapesEmitter
{
    public const string HintName = "ServerFunctions.Endpoints.g.cs";

    /// <summary>The shape method's parameter that holds the application's services.</summary>
    public const string Services = "services";

    /// <summary>The shape method's parameter that holds the server function itself.</summary>
    public const string Function = "function";

    private const string Infrastructure = GeneratedFile.InfrastructureNamespace;

    public static SourceText Emit(EquatableArray<EndpointShapeSpec> shapes, GeneratedNames names)
    {
        var writer = GeneratedFile.Start();
        writer.OpenBlock("namespace " + names.Namespace);
        writer.OpenBlock("partial class " + names.EndpointsClass);
        var first = true;
        foreach (var shape in shapes.OrderBy(MethodName, StringComparer.Ordinal))
        {
            if (!first)
            {
                writer.WriteLine();
            }

            WriteShape(writer, shape);
            first = false;
        }

        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToSourceText();
    }

    /// <summary>The name of the shape's method: its guard, receiver, parameter kinds and result, joined by underscores.</summary>
    public static string MethodName(EndpointShapeSpec shape)
    {
        var name = new StringBuilder("Map").Append(shape.Guard);
        if (shape.Rules.OnSession)
        {
            name.Append("_SessionRule");
        }

        foreach (var index in shape.Rules.Arguments)
        {
            name.Append("_RuleOn").Append((index + 1).ToString(CultureInfo.InvariantCulture));
        }

        if (!shape.IsStatic)
        {
            name.Append("_OnInstance");
        }

        foreach (var parameter in shape.Parameters)
        {
            name.Append('_').Append(parameter.Kind);
        }

        return name.Append("_Returns").Append(shape.Result).ToString();
    }

    /// <summary>
    /// The shape method's type parameters, in order: the instance target, the session data type, one for each parameter
    /// whose type varies (by position), and the result. <see cref="TypeArguments"/> gives them their values.
    /// </summary>
    public static List<(string Name, string Constraint)> TypeParameters(EndpointShapeSpec shape)
    {
        var typeParameters = new List<(string Name, string Constraint)>();
        if (!shape.IsStatic)
        {
            // Unconstrained: a user type named notnull would take the constraint's place; DI is asked for the target by its Type.
            typeParameters.Add((Target, string.Empty));
        }

        if (shape.IsTyped)
        {
            typeParameters.Add(("TSession", "class"));
        }

        for (var i = 0; i < shape.Parameters.Count; i++)
        {
            var typeParameter = ShapeParameterTable.TypeParameter(i + 1);
            if (ShapeParameterTable.Traits(shape.Parameters[i].Kind).TypeParameterConstraint is { } constraint)
            {
                typeParameters.Add((typeParameter, constraint.Replace("{T}", typeParameter)));
            }
        }

        if (shape.Result is ShapeResult.Json or ShapeResult.JsonTask or ShapeResult.JsonValueTask)
        {
            typeParameters.Add(("TResult", string.Empty));
        }
        else if (shape.Result is ShapeResult.Result or ShapeResult.ResultTask or ShapeResult.ResultValueTask)
        {
            typeParameters.Add(("TResult", "global::Microsoft.AspNetCore.Http.IResult?"));
        }

        return typeParameters;
    }

    /// <summary>The type arguments one server function gives its shape method, in the order of <see cref="TypeParameters"/>.</summary>
    public static IEnumerable<string> TypeArguments(ServerFunctionSpec function, EndpointShapeSpec shape)
    {
        if (!shape.IsStatic)
        {
            yield return function.ContainingType;
        }

        if (shape.IsTyped)
        {
            yield return function.SessionDataType!;
        }

        for (var i = 0; i < function.Parameters.Count; i++)
        {
            if (ShapeParameterTable.TypeArgument(function.Parameters[i], shape.Parameters[i].Kind) is { } typeArgument)
            {
                yield return typeArgument;
            }
        }

        if (function.Return.ValueType is { } valueType)
        {
            yield return valueType;
        }
    }

    /// <summary>The shape method's parameter that asks the rules over the session alone; <c>null</c> when all hold, else the refusing rule's name.</summary>
    public const string SessionRules = "sessionRules";

    /// <summary>The shape method's parameter that asks the rules over bound parameters; <c>null</c> when all hold, else the refusing rule's name.</summary>
    public const string ArgumentRules = "argumentRules";

    /// <summary>
    /// The shape method's parameter, for a function that returns an <c>IResult</c>, that adds what its result type declares
    /// (<c>IEndpointMetadataProvider</c>) to its endpoint; <c>null</c> when the type declares nothing.
    /// </summary>
    public const string ResultMetadata = "resultMetadata";

    public static bool IsResult(EndpointShapeSpec shape) => shape.Result is ShapeResult.Result or ShapeResult.ResultTask or ShapeResult.ResultValueTask;

    /// <summary>The type parameter of an instance method's target, the service it is called on.</summary>
    private const string Target = "TTarget";

    private static void WriteShape(SourceWriter writer, EndpointShapeSpec shape)
    {
        var typeParameters = TypeParameters(shape);
        var delegateTypes = new List<string>(shape.Parameters.Count + 2);
        if (!shape.IsStatic)
        {
            delegateTypes.Add(Target);
        }

        for (var i = 0; i < shape.Parameters.Count; i++)
        {
            delegateTypes.Add(ShapeParameterTable.DelegateType(shape.Parameters[i].Kind, shape.Guard, ShapeParameterTable.TypeParameter(i + 1)));
        }

        var returnType = ReturnType(shape.Result);
        if (returnType is not null)
        {
            delegateTypes.Add(returnType);
        }

        writer.WriteLine("/// <summary>");
        writer.WriteWrapped("/// ", Describe(shape));
        writer.WriteLine("/// </summary>");
        writer.WriteLine(GeneratedFile.GeneratedCodeAttribute);
        if (typeParameters.Count == 0)
        {
            writer.WriteLine($"public static void {MethodName(shape)}(");
        }
        else
        {
            writer.WriteList($"public static void {MethodName(shape)}<", typeParameters.Select(static t => t.Name).ToList(), ">(");
        }

        writer.Indent();
        writer.WriteLine("global::Microsoft.AspNetCore.Routing.RouteGroupBuilder group,");
        writer.WriteLine($"global::System.IServiceProvider {Services},");
        writer.WriteLine("string httpMethod,");
        writer.WriteLine("string pattern,");
        writer.WriteLine("global::SessionAuth.ServerFunctionMetadata metadata,");
        writer.WriteLine("object[] attributes,");
        writer.WriteLine($"{Infrastructure}ServerFunctionSteps steps,");
        if (shape.Guard == EndpointGuard.RequireSession)
        {
            writer.WriteLine("string? redirectTo,");
        }

        if (shape.Rules.OnSession)
        {
            writer.WriteLine($"global::System.Func<TSession, string?> {SessionRules},");
        }

        if (shape.Rules.Arguments.Count > 0)
        {
            var types = shape.Rules.Arguments
                .Select(i => ShapeParameterTable.DelegateType(shape.Parameters[i].Kind, shape.Guard, ShapeParameterTable.TypeParameter(i + 1)))
                .Prepend("TSession")
                .Append("string?")
                .ToList();
            writer.WriteList("global::System.Func<", types, $"> {ArgumentRules},");
        }

        for (var i = 0; i < shape.Parameters.Count; i++)
        {
            if (ShapeParameterTable.ShapeParameters(shape.Parameters[i].Kind, i + 1) is { } parameters)
            {
                writer.WriteLines(parameters + ",");
            }
        }

        if (IsResult(shape))
        {
            writer.WriteLine($"global::System.Action<global::System.Reflection.MethodInfo, global::Microsoft.AspNetCore.Builder.EndpointBuilder>? {ResultMetadata},");
        }

        var constrained = typeParameters.Where(static t => t.Constraint.Length > 0).ToList();
        if (delegateTypes.Count == 0)
        {
            writer.WriteLine($"global::System.Action {Function})");
        }
        else
        {
            writer.WriteList(returnType is null ? "global::System.Action<" : "global::System.Func<", delegateTypes, $"> {Function})");
        }

        foreach (var (name, constraint) in constrained)
        {
            writer.WriteLine($"where {name} : {constraint}");
        }

        writer.Unindent();
        writer.OpenBlock();
        WriteStartup(writer, shape);
        WriteEndpoint(writer, shape);
        writer.CloseBlock();
    }

    /// <summary>What the function returns, as the shape method names it; <see langword="null"/> for <c>void</c>.</summary>
    private static string? ReturnType(ShapeResult result) => result switch
    {
        ShapeResult.Nothing => null,
        ShapeResult.Task => "global::System.Threading.Tasks.Task",
        ShapeResult.ValueTask => "global::System.Threading.Tasks.ValueTask",
        ShapeResult.Json or ShapeResult.Result => "TResult",
        ShapeResult.JsonTask or ShapeResult.ResultTask => "global::System.Threading.Tasks.Task<TResult>",
        _ => "global::System.Threading.Tasks.ValueTask<TResult>",
    };

    private static void WriteStartup(SourceWriter writer, EndpointShapeSpec shape)
    {
        var wrote = false;
        if (!shape.IsStatic)
        {
            writer.WriteCall($"{Infrastructure}ServerFunctionServices.EnsureRegistered<{Target}>(", [Services, "metadata.Name"], ");");
            wrote = true;
        }

        for (var i = 0; i < shape.Parameters.Count; i++)
        {
            if (ShapeParameterTable.BindingFactoryCall(shape.Parameters[i].Kind, i + 1) is { } call)
            {
                var bindingType = ShapeParameterTable.BindingType(shape.Parameters[i].Kind, shape.Guard, i + 1);
                writer.WriteCall($"{bindingType} binding{(i + 1).ToString(CultureInfo.InvariantCulture)} = {call.Method}(", call.Arguments, ");");
                wrote = true;
            }
        }

        if (shape.Result is ShapeResult.Json or ShapeResult.JsonTask or ShapeResult.JsonValueTask)
        {
            writer.WriteCall($"global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<TResult> resultTypeInfo = {Infrastructure}ServerFunctionResults.GetJsonTypeInfo<TResult>(", [Services], ");");
            wrote = true;
        }

        if (wrote)
        {
            writer.WriteLine();
        }
    }

    private static void WriteEndpoint(SourceWriter writer, EndpointShapeSpec shape)
    {
        var (factory, lambdaParameters) = (shape.Guard, shape.IsTyped) switch
        {
            (EndpointGuard.RequireSession, true) => ("RequireSession<TSession>", "httpContext, arguments, session, sessionData"),
            (EndpointGuard.RequireSession, false) => ("RequireSession", "httpContext, arguments, session"),
            (EndpointGuard.WithSession, true) => ("WithSession<TSession>", "httpContext, arguments, session"),
            (EndpointGuard.WithSession, false) => ("WithSession", "httpContext, arguments, session"),
            _ => ("Public", "httpContext, arguments"),
        };

        writer.WriteLine($"global::Microsoft.AspNetCore.Http.RequestDelegate endpoint = {Infrastructure}ServerFunctionEndpoint.{factory}(");
        writer.Indent();
        writer.WriteLine($"{Services},");
        writer.WriteLine("steps,");
        if (shape.Guard == EndpointGuard.RequireSession)
        {
            writer.WriteLine("redirectTo,");
        }

        if (shape.Rules.Any)
        {
            writer.WriteLine(shape.Rules.OnSession ? $"{SessionRules}," : "rules: null,");
        }

        var isAsync = BindsAsync(shape);
        writer.WriteLine(isAsync ? $"async ({lambdaParameters}) =>" : $"({lambdaParameters}) =>");
        writer.OpenBlock();
        WriteBinding(writer, shape, isAsync);
        WriteArgumentRules(writer, shape, isAsync);
        WriteCallAndResult(writer, shape, isAsync);
        writer.CloseBlock("});");
        writer.Unindent();
        // The names the function binds from the request (services are not), so that a rule its group adds over one of
        // them judges the bound value.
        var boundNames = new List<string>();
        for (var i = 0; i < shape.Parameters.Count; i++)
        {
            var kind = shape.Parameters[i].Kind;
            if (ShapeParameterTable.Traits(kind).BindingFactory is not null && ShapeParameterTable.Traits(kind).Arguments != ShapeArguments.None
                && kind is not (ShapeParameterKind.Service or ShapeParameterKind.OptionalService or ShapeParameterKind.KeyedService or ShapeParameterKind.OptionalKeyedService))
            {
                boundNames.Add("name" + (i + 1).ToString(CultureInfo.InvariantCulture));
            }
        }

        var mapArguments = new List<string> { "group", "httpMethod", "pattern", "metadata", "attributes", "endpoint", CSharpText.StringArray(boundNames), ApiDescription(shape) };
        writer.WriteCall($"{Infrastructure}ServerFunctionRoutes.Map(", mapArguments, ");");
    }

    /// <summary>
    /// What API descriptions (OpenAPI) are told of the function: its result, whether it reads the body as it comes, and
    /// the bindings built above, which describe themselves only when a document is asked for.
    /// </summary>
    private static string ApiDescription(EndpointShapeSpec shape)
    {
        var factory = shape.Result switch
        {
            ShapeResult.Nothing or ShapeResult.Task or ShapeResult.ValueTask => "NoContent",
            ShapeResult.Json or ShapeResult.JsonTask or ShapeResult.JsonValueTask => "Json<TResult>",
            _ => "Result<TResult>",
        };
        var readsRawBody = shape.Parameters.Any(static p => p.Kind is ShapeParameterKind.BodyStream or ShapeParameterKind.BodyPipe);
        var arguments = new List<string> { "steps", readsRawBody ? "readsRawBody: true" : "readsRawBody: false" };
        if (IsResult(shape))
        {
            arguments.Add($"{ResultMetadata} is null ? null : {Function}.Method");
            arguments.Add(ResultMetadata);
        }

        for (var i = 0; i < shape.Parameters.Count; i++)
        {
            var traits = ShapeParameterTable.Traits(shape.Parameters[i].Kind);
            if (traits.BindingFactory is not null && !traits.BindsAsync)
            {
                arguments.Add("binding" + (i + 1).ToString(CultureInfo.InvariantCulture));
            }
        }

        return $"{Infrastructure}ServerFunctionApi.{factory}({string.Join(", ", arguments)})";
    }

    /// <summary>
    /// Whether a parameter binds itself from the request (its type's <c>BindAsync</c>): the shape's endpoint body is then
    /// an async lambda; every other shape's stays one small synchronous lambda.
    /// </summary>
    private static bool BindsAsync(EndpointShapeSpec shape) => shape.Parameters.Any(static p => ShapeParameterTable.Traits(p.Kind).BindsAsync);

    /// <summary>
    /// Binds the parameters in order and answers the first failure: each one is tried, except that the parameters whose
    /// types bind themselves (<c>BindAsync</c>) are awaited first, and a failure among them is seen by <c>HasFailed</c>.
    /// </summary>
    private static void WriteBinding(SourceWriter writer, EndpointShapeSpec shape, bool isAsync)
    {
        var conditions = new List<string>();
        for (var i = 0; i < shape.Parameters.Count; i++)
        {
            var traits = ShapeParameterTable.Traits(shape.Parameters[i].Kind);
            if (traits.BindingFactory is null)
            {
                continue;
            }

            var index = (i + 1).ToString(CultureInfo.InvariantCulture);
            var type = ShapeParameterTable.DelegateType(shape.Parameters[i].Kind, shape.Guard, ShapeParameterTable.TypeParameter(i + 1));
            if (traits.BindsAsync)
            {
                writer.WriteLine($"{type} arg{index} = await arguments.BindAsync(binding{index}).ConfigureAwait(false);");
                continue;
            }

            conditions.Add($"!arguments.TryBind(binding{index}, out {type} arg{index})");
        }

        if (isAsync)
        {
            conditions.Insert(0, "arguments.HasFailed");
        }

        if (conditions.Count == 0)
        {
            return;
        }

        for (var i = 0; i < conditions.Count; i++)
        {
            var line = i == 0 ? $"if ({conditions[i]}" : $"    || {conditions[i]}";
            writer.WriteLine(i == conditions.Count - 1 ? line + ")" : line);
        }

        writer.OpenBlock();
        WriteReturn(writer, "arguments.WriteFailureAsync", [], isAsync);
        writer.CloseBlock();
        writer.WriteLine();
    }

    /// <summary>
    /// Ends the endpoint body with the task that <paramref name="method"/> returns for <paramref name="arguments"/>:
    /// returned, or in an async body awaited (<paramref name="last"/>: the body's last statement, which needs no return).
    /// </summary>
    private static void WriteReturn(SourceWriter writer, string method, IReadOnlyList<string> arguments, bool isAsync, bool last = false)
    {
        if (!isAsync)
        {
            writer.WriteCall($"return {method}(", arguments, ");");
            return;
        }

        writer.WriteCall($"await {method}(", arguments, ").ConfigureAwait(false);");
        if (!last)
        {
            writer.WriteLine("return;");
        }
    }

    /// <summary>Asks the rules that read bound parameters, once they are bound: a refusal is the forbidden answer.</summary>
    private static void WriteArgumentRules(SourceWriter writer, EndpointShapeSpec shape, bool isAsync)
    {
        if (shape.Rules.Arguments.Count == 0)
        {
            return;
        }

        var arguments = shape.Rules.Arguments.Select(static i => "arg" + (i + 1).ToString(CultureInfo.InvariantCulture)).Prepend("sessionData").ToList();
        writer.WriteCall($"if ({ArgumentRules}(", arguments, ") is { } refusedBy)");
        writer.OpenBlock();
        WriteReturn(writer, $"{Infrastructure}ServerFunctionEndpoint.RefuseAsync", ["httpContext", "refusedBy"], isAsync);
        writer.CloseBlock();
        writer.WriteLine();
    }

    private static void WriteCallAndResult(SourceWriter writer, EndpointShapeSpec shape, bool isAsync)
    {
        var arguments = new List<string>(shape.Parameters.Count + 1);
        if (!shape.IsStatic)
        {
            writer.WriteCall($"{Target} target = ({Target})global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService(", ["httpContext.RequestServices", $"typeof({Target})"], ");");
            arguments.Add("target");
        }

        for (var i = 0; i < shape.Parameters.Count; i++)
        {
            arguments.Add(ShapeParameterTable.RequestValue(shape.Parameters[i].Kind, shape.Guard) ?? "arg" + (i + 1).ToString(CultureInfo.InvariantCulture));
        }

        writer.WriteCall(ReturnType(shape.Result) is { } returnType ? $"{returnType} result = {Function}(" : $"{Function}(", arguments, ");");
        (string Method, string[] Arguments) write = shape.Result switch
        {
            ShapeResult.Nothing => ("WriteNoContent", ["httpContext"]),
            ShapeResult.Task or ShapeResult.ValueTask => ("WriteNoContentAsync", ["httpContext", "result"]),
            ShapeResult.Result or ShapeResult.ResultTask or ShapeResult.ResultValueTask => ("ExecuteAsync", ["httpContext", "result"]),
            _ => ("WriteJsonAsync", ["httpContext", "result", "resultTypeInfo"]),
        };
        WriteReturn(writer, $"{Infrastructure}ServerFunctionResults.{write.Method}", write.Arguments, isAsync, last: true);
    }

    /// <summary>What a shape method maps, in words, for its summary.</summary>
    private static string Describe(EndpointShapeSpec shape)
    {
        var guard = shape.Guard switch
        {
            EndpointGuard.RequireSession when shape.Rules.Any => "requires a session for which its rules hold",
            EndpointGuard.RequireSession => "requires a session",
            EndpointGuard.WithSession => "reads the session (and runs without one)",
            _ => "reads no session",
        };
        var receiver = shape.IsStatic ? string.Empty : ", is called on a service from DI";
        var result = shape.Result switch
        {
            ShapeResult.Nothing => "answers 204",
            ShapeResult.Task or ShapeResult.ValueTask => "answers 204 when its task completes",
            ShapeResult.Json => "writes the value it returns as JSON",
            ShapeResult.JsonTask or ShapeResult.JsonValueTask => "writes the value its task returns as JSON",
            ShapeResult.Result => "executes the IResult it returns",
            _ => "executes the IResult its task returns",
        };
        var parameters = shape.Parameters.Count == 0
            ? "It takes no parameters."
            : "Its parameters, in order: " + string.Join("; ", shape.Parameters.Select(static p => ShapeParameterTable.Traits(p.Kind).Description)) + ".";
        return $"Maps a server function that {guard}{receiver} and {result}. {parameters}";
    }
}
