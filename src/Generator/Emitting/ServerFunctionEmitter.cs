using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Emitting;

/// <summary>
/// Writes one server function's endpoint: a factory that resolves at startup what it can (parameter bindings, the
/// JSON contract of the result) and hands <c>ServerFunctionEndpoint</c> the steps to run before the function (cross-site
/// check, session guard, argument read) and a small synchronous body that binds the arguments, calls the method and
/// writes the result. The shared steps live in the runtime, so no function costs the compiler an async state machine.
/// </summary>
internal static class ServerFunctionEmitter
{
    private const string HttpContext = "httpContext";
    private const string Services = "services";
    private const string Session = "session";
    private const string SessionData = "sessionData";
    private const string Arguments = "arguments";
    private const string Target = "target";
    private const string Result = "result";
    private const string ResultTypeInfo = "resultTypeInfo";

    public static string Emit(ServerFunctionSpec function)
    {
        var names = new LocalNames(HttpContext, Services, Session, SessionData, Arguments, Target, Result, ResultTypeInfo);
        var locals = new List<(ParameterSpec Parameter, string Local, string? Binding)>(function.Parameters.Count);
        foreach (var parameter in function.Parameters)
        {
            var binds = parameter.Kind is ParameterKind.Text or ParameterKind.JsonOrService or ParameterKind.Service;
            locals.Add(binds
                ? (parameter, Identifier(names.Take(parameter.Name)), Identifier(names.Take(parameter.Name + "Binding")))
                : (parameter, string.Empty, null));
        }

        var writer = GeneratedFile.Start();
        writer.OpenBlock("namespace SessionAuth.Generated");
        writer.OpenBlock("partial class ServerFunctionEndpoints");
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// Builds the endpoint of <c>{Escape(function.DisplaySignature)}</c>: {function.HttpMethod} {Escape(function.Route)}{(function.Guard.RequiresSession ? ", session required" : string.Empty)}.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(GeneratedFile.GeneratedCodeAttribute);
        writer.OpenBlock($"public static global::Microsoft.AspNetCore.Http.RequestDelegate {function.FactoryName}(global::System.IServiceProvider {Services})");

        if (WriteStartup(writer, function, locals))
        {
            writer.WriteLine();
        }

        WriteEndpoint(writer, function);
        writer.OpenBlock();
        WriteBinding(writer, function, locals);
        WriteCallAndResult(writer, function, locals);
        writer.CloseBlock("});");
        writer.Unindent();

        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <returns>Whether anything was written.</returns>
    private static bool WriteStartup(SourceWriter writer, ServerFunctionSpec function, List<(ParameterSpec Parameter, string Local, string? Binding)> locals)
    {
        var wrote = false;
        if (!function.IsStatic)
        {
            writer.WriteLine($"{GeneratedFile.Runtime}ServerFunctionServices.EnsureRegistered<{function.ContainingType}>({Services}, {Literal(function.Name)});");
            wrote = true;
        }

        foreach (var (parameter, _, binding) in locals)
        {
            if (binding is not null)
            {
                writer.WriteLine($"var {binding} = {GeneratedFile.Runtime}ParameterBinding.{BindingFactory(parameter)};");
                wrote = true;
            }
        }

        if (function.Return is { Kind: ReturnKind.Json, ValueType: { } valueType })
        {
            writer.WriteLine($"var {ResultTypeInfo} = {GeneratedFile.Runtime}ServerFunctionResults.GetJsonTypeInfo<{valueType}>({Services});");
            wrote = true;
        }

        return wrote;
    }

    /// <summary>Writes the call that builds the endpoint from its steps, up to the body lambda's parameter list.</summary>
    private static void WriteEndpoint(SourceWriter writer, ServerFunctionSpec function)
    {
        var typeArgument = function.SessionDataType is { } dataType ? $"<{dataType}>" : string.Empty;
        var (factory, lambdaParameters) = function switch
        {
            { Guard.RequiresSession: true, SessionDataType: not null } => ("RequireSession" + typeArgument, $"{HttpContext}, {Arguments}, {Session}, {SessionData}"),
            { Guard.RequiresSession: true } => ("RequireSession", $"{HttpContext}, {Arguments}, {Session}"),
            { ReadsSession: true } => ("WithSession" + typeArgument, $"{HttpContext}, {Arguments}, {Session}"),
            _ => ("Public", $"{HttpContext}, {Arguments}"),
        };

        writer.WriteLine($"return {GeneratedFile.Runtime}ServerFunctionEndpoint.{factory}(");
        writer.Indent();
        writer.WriteLine($"{Services},");
        writer.WriteLine(Steps(function) + ",");
        if (function.Guard.RequiresSession)
        {
            writer.WriteLine($"redirectTo: {(function.Guard.RedirectTo is { } redirectTo ? Literal(redirectTo) : "null")},");
        }

        writer.WriteLine($"({lambdaParameters}) =>");
    }

    private static string Steps(ServerFunctionSpec function)
    {
        var steps = new List<string>(2);
        if (function.RefusesCrossSite)
        {
            steps.Add("RefuseCrossSite");
        }

        if (function.ReadsBody)
        {
            steps.Add("ReadBody");
        }
        else if (function.BindsArguments)
        {
            steps.Add("ReadArguments");
        }

        if (steps.Count == 0)
        {
            steps.Add("None");
        }

        return string.Join(" | ", steps.Select(static step => $"{GeneratedFile.Runtime}ServerFunctionSteps.{step}"));
    }

    private static void WriteBinding(SourceWriter writer, ServerFunctionSpec function, List<(ParameterSpec Parameter, string Local, string? Binding)> locals)
    {
        if (!function.BindsArguments)
        {
            return;
        }

        var conditions = locals
            .Where(static l => l.Binding is not null)
            .Select(static l => $"!{Arguments}.TryBind({l.Binding}, out var {l.Local})")
            .ToList();
        for (var i = 0; i < conditions.Count; i++)
        {
            var line = i == 0 ? $"if ({conditions[i]}" : $"    || {conditions[i]}";
            writer.WriteLine(i == conditions.Count - 1 ? line + ")" : line);
        }

        writer.OpenBlock();
        writer.WriteLine($"return {Arguments}.WriteFailureAsync();");
        writer.CloseBlock();
        writer.WriteLine();
    }

    private static void WriteCallAndResult(SourceWriter writer, ServerFunctionSpec function, List<(ParameterSpec Parameter, string Local, string? Binding)> locals)
    {
        var receiver = function.IsStatic ? function.ContainingType : Target;
        if (!function.IsStatic)
        {
            writer.WriteLine($"var {Target} = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<{function.ContainingType}>({HttpContext}.RequestServices);");
        }

        var call = $"{receiver}.{Identifier(function.MethodName)}({string.Join(", ", locals.Select(l => Argument(function, l.Parameter, l.Local)))})";
        switch (function.Return)
        {
            case { Kind: ReturnKind.NoContent, IsAwaitable: false }:
                writer.WriteLine(call + ";");
                writer.WriteLine($"return {GeneratedFile.Runtime}ServerFunctionResults.WriteNoContent({HttpContext});");
                break;
            case { Kind: ReturnKind.NoContent }:
                writer.WriteLine($"var {Result} = {call};");
                writer.WriteLine($"return {GeneratedFile.Runtime}ServerFunctionResults.WriteNoContentAsync({HttpContext}, {Result});");
                break;
            case { Kind: ReturnKind.Result }:
                writer.WriteLine($"var {Result} = {call};");
                writer.WriteLine($"return {GeneratedFile.Runtime}ServerFunctionResults.ExecuteAsync({HttpContext}, {Result});");
                break;
            default:
                writer.WriteLine($"var {Result} = {call};");
                writer.WriteLine($"return {GeneratedFile.Runtime}ServerFunctionResults.WriteJsonAsync({HttpContext}, {Result}, {ResultTypeInfo});");
                break;
        }
    }

    private static string Argument(ServerFunctionSpec function, ParameterSpec parameter, string local) => parameter.Kind switch
    {
        ParameterKind.HttpContext => HttpContext,
        ParameterKind.HttpRequest => $"{HttpContext}.Request",
        ParameterKind.HttpResponse => $"{HttpContext}.Response",
        ParameterKind.CancellationToken => $"{HttpContext}.RequestAborted",
        ParameterKind.User => $"{HttpContext}.User",
        ParameterKind.Session => Session,
        ParameterKind.SessionData => function.Guard.RequiresSession ? SessionData : $"{Session}.Data",
        _ => local,
    };

    private static string BindingFactory(ParameterSpec parameter)
    {
        var name = Literal(parameter.Name);
        var source = $"{GeneratedFile.Runtime}ArgumentSource.{parameter.Source}";
        switch (parameter.Kind)
        {
            case ParameterKind.Service:
                return $"Service<{parameter.Type}>({Services}, {name})";
            case ParameterKind.JsonOrService:
                return $"JsonOrService<{parameter.Type}>({Services}, {name}, isRequired: {(parameter.IsRequired ? "true" : "false")})";
        }

        if (parameter.TextKind == TextKind.String)
        {
            return parameter.IsRequired ? $"RequiredString({name}, {source})"
                : parameter.DefaultValue is null or "null" ? $"NullableString({name}, {source})"
                : $"OptionalString({name}, {source}, {parameter.DefaultValue})";
        }

        var kind = parameter.TextKind == TextKind.Enum ? "Enum" : "Parsable";
        return parameter.IsNullableValueType ? $"Nullable{kind}<{parameter.ValueType}>({name}, {source})"
            : parameter.IsRequired ? $"{kind}<{parameter.ValueType}>({name}, {source})"
            : $"Optional{kind}<{parameter.ValueType}>({name}, {source}, {parameter.DefaultValue})";
    }

    private static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
