using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Emitting;

/// <summary>
/// Writes one server function's endpoint: a factory that resolves everything it can at startup (session manager,
/// guard, parameter bindings, JSON contracts) and returns the request delegate, which runs the guard, binds the
/// arguments, calls the method and writes the result, in that order.
/// </summary>
internal static class ServerFunctionEmitter
{
    private const string HttpContext = "httpContext";
    private const string Services = "services";
    private const string Sessions = "sessions";
    private const string Guard = "guard";
    private const string CrossSiteGuard = "crossSiteGuard";
    private const string Session = "session";
    private const string SessionData = "sessionData";
    private const string Arguments = "arguments";
    private const string Target = "target";
    private const string Result = "result";
    private const string ResultTypeInfo = "resultTypeInfo";

    public static string Emit(ServerFunctionSpec function)
    {
        var names = new LocalNames(HttpContext, Services, Sessions, Guard, CrossSiteGuard, Session, SessionData, Arguments, Target, Result, ResultTypeInfo);
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

        WriteStartup(writer, function, locals);
        writer.WriteLine();
        writer.OpenBlock($"return async {HttpContext} =>");
        WriteCrossSiteCheck(writer, function);
        WriteGuard(writer, function);
        WriteBinding(writer, function, locals);
        WriteCallAndResult(writer, function, locals);
        writer.CloseBlock("};");

        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    private static void WriteStartup(SourceWriter writer, ServerFunctionSpec function, List<(ParameterSpec Parameter, string Local, string? Binding)> locals)
    {
        if (function.RefusesCrossSite)
        {
            writer.WriteLine($"var {CrossSiteGuard} = {GeneratedFile.Runtime}CrossSiteGuard.Create({Services});");
        }

        if (function.ReadsSession)
        {
            writer.WriteLine(function.SessionDataType is { } dataType
                ? $"var {Sessions} = {GeneratedFile.Runtime}ServerFunctionServices.GetSessionManager<{dataType}>({Services});"
                : $"var {Sessions} = {GeneratedFile.Runtime}ServerFunctionServices.GetSessionManager({Services});");
        }

        if (function.Guard.RequiresSession)
        {
            writer.WriteLine(function.Guard.RedirectTo is { } redirectTo
                ? $"var {Guard} = {GeneratedFile.Runtime}SessionGuard.Create({Services}, redirectTo: {Literal(redirectTo)});"
                : $"var {Guard} = {GeneratedFile.Runtime}SessionGuard.Create({Services});");
        }

        if (!function.IsStatic)
        {
            writer.WriteLine($"{GeneratedFile.Runtime}ServerFunctionServices.EnsureRegistered<{function.ContainingType}>({Services}, {Literal(function.Name)});");
        }

        foreach (var (parameter, _, binding) in locals)
        {
            if (binding is not null)
            {
                writer.WriteLine($"var {binding} = {GeneratedFile.Runtime}ParameterBinding.{BindingFactory(parameter)};");
            }
        }

        if (function.Return is { Kind: ReturnKind.Json, ValueType: { } valueType })
        {
            writer.WriteLine($"var {ResultTypeInfo} = {GeneratedFile.Runtime}ServerFunctionResults.GetJsonTypeInfo<{valueType}>({Services});");
        }
    }

    private static void WriteCrossSiteCheck(SourceWriter writer, ServerFunctionSpec function)
    {
        if (!function.RefusesCrossSite)
        {
            return;
        }

        writer.OpenBlock($"if (!{CrossSiteGuard}.Allows({HttpContext}))");
        writer.WriteLine($"await {CrossSiteGuard}.RefuseAsync({HttpContext});");
        writer.WriteLine("return;");
        writer.CloseBlock();
        writer.WriteLine();
    }

    private static void WriteGuard(SourceWriter writer, ServerFunctionSpec function)
    {
        if (!function.ReadsSession)
        {
            return;
        }

        writer.WriteLine($"var {Session} = await {Sessions}.GetSessionAsync({HttpContext});");
        if (function.Guard.RequiresSession)
        {
            writer.OpenBlock(function.SessionDataType is null
                ? $"if (!{Session}.IsAuthenticated)"
                : $"if ({Session}.Data is not {{ }} {SessionData})");
            writer.WriteLine($"await {Guard}.DenyAsync({HttpContext});");
            writer.WriteLine("return;");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine($"{GeneratedFile.Runtime}SessionGuard.Admit({HttpContext});");
        }

        writer.WriteLine();
    }

    private static void WriteBinding(SourceWriter writer, ServerFunctionSpec function, List<(ParameterSpec Parameter, string Local, string? Binding)> locals)
    {
        if (!function.BindsArguments)
        {
            return;
        }

        writer.WriteLine($"var {Arguments} = await {GeneratedFile.Runtime}ServerFunctionArguments.ReadAsync({HttpContext}, readBody: {(function.ReadsBody ? "true" : "false")});");
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
        writer.WriteLine($"await {Arguments}.WriteFailureAsync();");
        writer.WriteLine("return;");
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
        var awaited = function.Return.IsAwaitable ? "await " + call : call;
        switch (function.Return.Kind)
        {
            case ReturnKind.NoContent:
                writer.WriteLine(awaited + ";");
                writer.WriteLine($"await {GeneratedFile.Runtime}ServerFunctionResults.WriteNoContent({HttpContext});");
                break;
            case ReturnKind.Result:
                writer.WriteLine($"var {Result} = {awaited};");
                writer.WriteLine($"await {GeneratedFile.Runtime}ServerFunctionResults.ExecuteAsync({HttpContext}, {Result});");
                break;
            default:
                writer.WriteLine($"var {Result} = {awaited};");
                writer.WriteLine($"await {GeneratedFile.Runtime}ServerFunctionResults.WriteJsonAsync({HttpContext}, {Result}, {ResultTypeInfo});");
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
