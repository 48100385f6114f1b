using System.Globalization;
using SessionAuth.Generators.Model;

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

    private const string Runtime = GeneratedFile.Runtime;
    private const string Services = EndpointShapes.Services;
    private const string Function = EndpointShapes.Function;

    public static string Emit(EquatableArray<EndpointShapeSpec> shapes)
    {
        var writer = GeneratedFile.Start();
        writer.OpenBlock("namespace SessionAuth.Generated");
        writer.OpenBlock("partial class ServerFunctionEndpoints");
        var first = true;
        foreach (var shape in shapes.OrderBy(EndpointShapes.MethodName, StringComparer.Ordinal))
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
        return writer.ToString();
    }

    private static void WriteShape(SourceWriter writer, EndpointShapeSpec shape)
    {
        var typeParameters = new List<(string Name, string Constraint)>();
        if (!shape.IsStatic)
        {
            typeParameters.Add(("TService", "notnull"));
        }

        if (shape.IsTyped)
        {
            typeParameters.Add(("TSession", "class"));
        }

        var delegateTypes = new List<string>(shape.Parameters.Count + 2);
        if (!shape.IsStatic)
        {
            delegateTypes.Add("TService");
        }

        for (var i = 0; i < shape.Parameters.Count; i++)
        {
            var kind = shape.Parameters[i].Kind;
            var typeParameter = EndpointShapes.TypeParameter(i + 1);
            if (EndpointShapes.Traits(kind).TypeParameterConstraint is { } constraint)
            {
                typeParameters.Add((typeParameter, constraint.Replace("{T}", typeParameter)));
            }

            delegateTypes.Add(EndpointShapes.DelegateType(kind, shape.Guard, typeParameter));
        }

        var returnType = shape.Result switch
        {
            ShapeResult.Nothing => null,
            ShapeResult.Task => "global::System.Threading.Tasks.Task",
            ShapeResult.ValueTask => "global::System.Threading.Tasks.ValueTask",
            ShapeResult.Json or ShapeResult.Result => "TResult",
            ShapeResult.JsonTask or ShapeResult.ResultTask => "global::System.Threading.Tasks.Task<TResult>",
            _ => "global::System.Threading.Tasks.ValueTask<TResult>",
        };
        if (shape.Result is ShapeResult.Json or ShapeResult.JsonTask or ShapeResult.JsonValueTask)
        {
            typeParameters.Add(("TResult", string.Empty));
        }
        else if (shape.Result is ShapeResult.Result or ShapeResult.ResultTask or ShapeResult.ResultValueTask)
        {
            typeParameters.Add(("TResult", "global::Microsoft.AspNetCore.Http.IResult?"));
        }

        var delegateType = returnType is null
            ? delegateTypes.Count == 0 ? "global::System.Action" : $"global::System.Action<{string.Join(", ", delegateTypes)}>"
            : $"global::System.Func<{string.Join(", ", delegateTypes.Append(returnType))}>";

        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// {EndpointShapes.Describe(shape)}");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(GeneratedFile.GeneratedCodeAttribute);
        var typeParameterList = typeParameters.Count == 0 ? string.Empty : $"<{string.Join(", ", typeParameters.Select(static t => t.Name))}>";
        writer.WriteLine($"public static void {EndpointShapes.MethodName(shape)}{typeParameterList}(");
        writer.Indent();
        writer.WriteLine("global::Microsoft.AspNetCore.Routing.RouteGroupBuilder group,");
        writer.WriteLine($"global::System.IServiceProvider {Services},");
        writer.WriteLine("string httpMethod,");
        writer.WriteLine("string pattern,");
        writer.WriteLine("global::SessionAuth.ServerFunctionMetadata metadata,");
        writer.WriteLine($"{Runtime}ServerFunctionSteps steps,");
        if (shape.Guard == EndpointGuard.RequireSession)
        {
            writer.WriteLine("string? redirectTo,");
        }

        for (var i = 0; i < shape.Parameters.Count; i++)
        {
            if (ShapeParameters(shape.Parameters[i].Kind, i + 1) is { } parameters)
            {
                writer.WriteLine(parameters + ",");
            }
        }

        var constrained = typeParameters.Where(static t => t.Constraint.Length > 0).ToList();
        writer.WriteLine($"{delegateType} {Function})");
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

    /// <summary>The shape method's parameters that one function parameter's binding needs, or <see langword="null"/>.</summary>
    private static string? ShapeParameters(ShapeParameterKind kind, int position)
    {
        var traits = EndpointShapes.Traits(kind);
        var index = position.ToString(CultureInfo.InvariantCulture);
        return traits.Arguments switch
        {
            ShapeArguments.None => null,
            ShapeArguments.Name => $"string name{index}",
            ShapeArguments.NameAndSource => $"string name{index}, {Runtime}ArgumentSource source{index}",
            _ => $"string name{index}, {Runtime}ArgumentSource source{index}, {(traits.TypeParameterConstraint is null ? "string" : EndpointShapes.TypeParameter(position))} default{index}",
        };
    }

    private static void WriteStartup(SourceWriter writer, EndpointShapeSpec shape)
    {
        var wrote = false;
        if (!shape.IsStatic)
        {
            writer.WriteLine($"{Runtime}ServerFunctionServices.EnsureRegistered<TService>({Services}, metadata.Name);");
            wrote = true;
        }

        for (var i = 0; i < shape.Parameters.Count; i++)
        {
            if (EndpointShapes.Traits(shape.Parameters[i].Kind).BindingFactory is { } factory)
            {
                var index = (i + 1).ToString(CultureInfo.InvariantCulture);
                var call = factory
                    .Replace("{T}", EndpointShapes.TypeParameter(i + 1))
                    .Replace("{name}", "name" + index)
                    .Replace("{source}", "source" + index)
                    .Replace("{default}", "default" + index);
                writer.WriteLine($"var binding{index} = {Runtime}ParameterBinding.{call};");
                wrote = true;
            }
        }

        if (shape.Result is ShapeResult.Json or ShapeResult.JsonTask or ShapeResult.JsonValueTask)
        {
            writer.WriteLine($"var resultTypeInfo = {Runtime}ServerFunctionResults.GetJsonTypeInfo<TResult>({Services});");
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

        writer.WriteLine($"var endpoint = {Runtime}ServerFunctionEndpoint.{factory}(");
        writer.Indent();
        writer.WriteLine($"{Services},");
        writer.WriteLine("steps,");
        if (shape.Guard == EndpointGuard.RequireSession)
        {
            writer.WriteLine("redirectTo,");
        }

        writer.WriteLine($"({lambdaParameters}) =>");
        writer.OpenBlock();
        WriteBinding(writer, shape);
        WriteCallAndResult(writer, shape);
        writer.CloseBlock("});");
        writer.Unindent();
        writer.WriteLine($"{Runtime}ServerFunctionRoutes.Map(group, httpMethod, pattern, metadata, endpoint);");
    }

    private static void WriteBinding(SourceWriter writer, EndpointShapeSpec shape)
    {
        var conditions = new List<string>();
        for (var i = 0; i < shape.Parameters.Count; i++)
        {
            if (EndpointShapes.Traits(shape.Parameters[i].Kind).BindingFactory is not null)
            {
                var index = (i + 1).ToString(CultureInfo.InvariantCulture);
                conditions.Add($"!arguments.TryBind(binding{index}, out var arg{index})");
            }
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
        writer.WriteLine("return arguments.WriteFailureAsync();");
        writer.CloseBlock();
        writer.WriteLine();
    }

    private static void WriteCallAndResult(SourceWriter writer, EndpointShapeSpec shape)
    {
        var arguments = new List<string>(shape.Parameters.Count + 1);
        if (!shape.IsStatic)
        {
            writer.WriteLine("var target = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TService>(httpContext.RequestServices);");
            arguments.Add("target");
        }

        for (var i = 0; i < shape.Parameters.Count; i++)
        {
            arguments.Add(EndpointShapes.RequestValue(shape.Parameters[i].Kind, shape.Guard) ?? "arg" + (i + 1).ToString(CultureInfo.InvariantCulture));
        }

        var call = $"{Function}({string.Join(", ", arguments)})";
        switch (shape.Result)
        {
            case ShapeResult.Nothing:
                writer.WriteLine(call + ";");
                writer.WriteLine($"return {Runtime}ServerFunctionResults.WriteNoContent(httpContext);");
                break;
            case ShapeResult.Task or ShapeResult.ValueTask:
                writer.WriteLine($"var result = {call};");
                writer.WriteLine($"return {Runtime}ServerFunctionResults.WriteNoContentAsync(httpContext, result);");
                break;
            case ShapeResult.Result or ShapeResult.ResultTask or ShapeResult.ResultValueTask:
                writer.WriteLine($"var result = {call};");
                writer.WriteLine($"return {Runtime}ServerFunctionResults.ExecuteAsync(httpContext, result);");
                break;
            default:
                writer.WriteLine($"var result = {call};");
                writer.WriteLine($"return {Runtime}ServerFunctionResults.WriteJsonAsync(httpContext, result, resultTypeInfo);");
                break;
        }
    }
}
