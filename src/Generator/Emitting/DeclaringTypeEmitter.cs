using Microsoft.CodeAnalysis.Text;
using SessionAuth.Generators.Model;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Emitting;

/// <summary>
/// Writes the method that maps one type's server functions. Each function is one call to the generic method of its
/// shape (<see cref="EndpointShapesEmitter"/>): its types as type arguments, then its route, metadata, the attributes
/// its endpoint carries, the steps that run before it, where each bound parameter comes from, and the method itself.
/// </summary>
internal static class DeclaringTypeEmitter
{
    private const string Target = "target";

    public static SourceText Emit(DeclaringTypeSpec type, GeneratedNames names)
    {
        var writer = GeneratedFile.Start();
        writer.OpenBlock("namespace " + names.Namespace);
        writer.OpenBlock("partial class " + names.EndpointsClass);
        writer.WriteLine($"/// <summary>Maps the server functions of <c>{CSharpText.XmlText(type.DisplayName)}</c>.</summary>");
        writer.WriteLine(GeneratedFile.GeneratedCodeAttribute);
        writer.WriteList(
            $"public static void {type.MapMethodName}(",
            ["global::Microsoft.AspNetCore.Routing.RouteGroupBuilder group", $"global::System.IServiceProvider {EndpointShapesEmitter.Services}"],
            ")");
        writer.OpenBlock();
        var locals = new LocalNames("group", EndpointShapesEmitter.Services);
        for (var i = 0; i < type.Functions.Count; i++)
        {
            if (i > 0)
            {
                writer.WriteLine();
            }

            var function = type.Functions[i];
            GeneratedFile.WithWarningsDisabled(
                writer,
                function.DisabledWarnings,
                "the function or a type it uses is [Obsolete] or [Experimental]: mapping it is no new use",
                () => WriteFunction(writer, function, locals));
        }

        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToSourceText();
    }

    private static void WriteFunction(SourceWriter writer, ServerFunctionSpec function, LocalNames locals)
    {
        var shape = EndpointShapeSpec.Of(function);
        var typeArguments = EndpointShapesEmitter.TypeArguments(function, shape).ToList();
        var guard = function.Guard.RequiresSession ? ", session required" : string.Empty;
        writer.WriteWrapped("// ", $"{CSharpText.OneLine(function.DisplaySignature)}: {function.HttpMethod} {CSharpText.OneLine(function.Route)}{guard}");

        // A BindAsync that takes its ParameterInfo gets the method's own, found once here, as a minimal API passes it.
        var parameters = WriteParameterInfos(writer, function, locals);
        if (typeArguments.Count == 0)
        {
            writer.WriteLine($"{EndpointShapesEmitter.MethodName(shape)}(");
        }
        else
        {
            writer.WriteList($"{EndpointShapesEmitter.MethodName(shape)}<", typeArguments, ">(");
        }

        writer.Indent();
        writer.WriteLine("group,");
        writer.WriteLine($"{EndpointShapesEmitter.Services},");
        writer.WriteLine($"{CSharpText.Literal(function.HttpMethod)},");
        writer.WriteLine($"{CSharpText.Literal(function.Route)},");
        var metadata = new List<string>(3) { CSharpText.Literal(function.Name), $"requiresSession: {Bool(function.Guard.RequiresSession)}" };
        if (function.PreloadsSession)
        {
            metadata.Add("preloadsSession: true");
        }

        if (function.Guard.AllowsAnonymous)
        {
            metadata.Add("allowsAnonymous: true");
        }

        // A parameter bound under another name: a rule its group adds over the parameter's own name would judge another
        // value than the function binds, which the start refuses.
        var renamed = function.Parameters
            .Where(static p => p.IsBound && p.Kind is not (ParameterKind.Service or ParameterKind.KeyedService) && !string.Equals(p.Name, p.BindingName, System.StringComparison.OrdinalIgnoreCase))
            .Select(static p => CSharpText.Literal(p.Name))
            .ToList();
        if (renamed.Count > 0)
        {
            metadata.Add("renamedParameters: " + CSharpText.StringArray(renamed));
        }

        writer.WriteList("new global::SessionAuth.ServerFunctionMetadata(", metadata, "),");
        WriteAttributes(writer, function.Attributes);
        writer.WriteOperands(Steps(function), "|", ",");
        if (function.Guard.RequiresSession)
        {
            writer.WriteLine($"redirectTo: {(function.Guard.RedirectTo is { } redirectTo ? CSharpText.Literal(redirectTo) : "null")},");
        }

        WriteRules(writer, function.Guard.Rules, shape.Rules);

        for (var i = 0; i < function.Parameters.Count; i++)
        {
            var arguments = ShapeParameterTable.Arguments(function.Parameters[i], shape.Parameters[i].Kind)
                .Select(argument => parameters is null ? argument : argument.Replace(BindAsyncMethods.ParametersToken, parameters))
                .ToList();
            if (arguments.Count > 0)
            {
                writer.WriteLine(string.Join(", ", arguments) + ",");
            }
        }

        if (EndpointShapesEmitter.IsResult(shape))
        {
            writer.WriteLine(function.Return.DeclaresResponses
                ? $"{GeneratedFile.InfrastructureNamespace}ServerFunctionApi.ResultMetadata<{function.Return.ValueType!.TrimEnd('?')}>,"
                : $"{EndpointShapesEmitter.ResultMetadata}: null,");
        }

        writer.WriteLine(Callee(function) + ");");
        writer.Unindent();
    }

    /// <summary>
    /// Declares the local that holds the method's <c>ParameterInfo</c>s when a binder needs them, and returns its name;
    /// <see langword="null"/> when none does.
    /// </summary>
    private static string? WriteParameterInfos(SourceWriter writer, ServerFunctionSpec function, LocalNames locals)
    {
        if (function.MethodParameterTypes.Count == 0)
        {
            return null;
        }

        var local = locals.Take("parameters");
        var arguments = function.MethodParameterTypes.Select(static type => $"typeof({type})").ToList();
        arguments.Insert(1, CSharpText.Literal(function.MethodName));
        writer.WriteCall($"global::System.Reflection.ParameterInfo[] {local} = {GeneratedFile.InfrastructureNamespace}ParameterBinding.ParametersOf(", arguments, ");");
        return local;
    }

    /// <summary>
    /// The function's rules as the shape's delegates: each calls <c>TRule.Allows</c> directly and answers the name of the
    /// first rule that refuses, or <see langword="null"/> when all hold. Rules over the session alone first, then those
    /// over bound parameters, each in the order they apply (outermost type first).
    /// </summary>
    private static void WriteRules(SourceWriter writer, EquatableArray<SessionRuleSpec> rules, ShapeRules shapeRules)
    {
        if (shapeRules.OnSession)
        {
            WriteRuleLambda(writer, "static sessionData =>", rules.Where(static r => !r.TakesArgument).Select(static r => (r, "sessionData")).ToList());
        }

        if (shapeRules.Arguments.Count > 0)
        {
            var parameters = shapeRules.Arguments.Select(static i => ArgumentName(i)).Prepend("sessionData");
            WriteRuleLambda(
                writer,
                $"static ({string.Join(", ", parameters)}) =>",
                rules.Where(static r => r.TakesArgument).Select(static r => (r, $"sessionData, {ArgumentName(r.ArgumentIndex)}")).ToList());
        }

        static string ArgumentName(int index) => "arg" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void WriteRuleLambda(SourceWriter writer, string header, List<(SessionRuleSpec Rule, string Arguments)> rules)
    {
        writer.WriteLine(header);
        writer.Indent();
        foreach (var (rule, arguments) in rules)
        {
            // Through the rule's interface, as UseSessionAuth() asks it: an Allows implemented explicitly (or by a default
            // interface member) is called, and the same one on every path.
            var typeArguments = rule.RuleArgumentType is { } argumentType ? $"{rule.Type}, {rule.RuleSessionType}, {argumentType}" : $"{rule.Type}, {rule.RuleSessionType}";
            writer.WriteLine($"!global::SessionAuth.Infrastructure.SessionRules.Allows<{typeArguments}>({arguments}) ? {CSharpText.Literal(rule.Name)} :");
        }

        writer.WriteLine("null,");
        writer.Unindent();
    }

    /// <summary>The attributes the endpoint carries as metadata, constructed as the method and its types declare them.</summary>
    private static void WriteAttributes(SourceWriter writer, EquatableArray<AttributeSpec> attributes)
    {
        if (attributes.Count == 0)
        {
            writer.WriteLine("global::System.Array.Empty<object>(),");
            return;
        }

        writer.OpenBlock("new object[]");
        foreach (var attribute in attributes)
        {
            var construction = $"new {attribute.Type}";
            if (attribute.Arguments.Count > 0 || attribute.NamedArguments.Count == 0)
            {
                construction += $"({string.Join(", ", attribute.Arguments)})";
            }

            if (attribute.NamedArguments.Count > 0)
            {
                construction += $" {{ {string.Join(", ", attribute.NamedArguments.Select(static a => $"{a.Name} = {a.Value}"))} }}";
            }

            writer.WriteLine(construction + ",");
        }

        writer.CloseBlock("},");
    }

    /// <summary>The method as the shape's delegate: a method group, or for an instance method a lambda that takes the target first.</summary>
    private static string Callee(ServerFunctionSpec function)
    {
        if (CompositeArguments.Callee(function, Target) is { } composite)
        {
            return composite;
        }

        var method = CSharpText.Identifier(function.MethodName);
        if (function.IsStatic)
        {
            return $"{function.ContainingType}.{method}";
        }

        var names = new LocalNames(Target);
        var parameters = function.Parameters.Select(p => CSharpText.Identifier(names.Take(p.Name))).ToList();
        return $"static ({string.Join(", ", parameters.Prepend(Target))}) => {Target}.{method}({string.Join(", ", parameters)})";
    }

    private static List<string> Steps(ServerFunctionSpec function)
    {
        var steps = new List<string>(2);
        if (function.RefusesCrossSite)
        {
            steps.Add("RefuseCrossSite");
        }

        if (function.ReadsBodyAsValue)
        {
            steps.Add("ReadBodyAsValue");
        }
        else if (function.ReadsBody)
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

        var expressions = steps.Select(static step => $"{GeneratedFile.InfrastructureNamespace}ServerFunctionSteps.{step}").ToList();

        // Beside a raw body, whether the body is read as one JSON value only the app's services tell; of several such
        // parameters at most one may be the body, which also only the start-up can tell.
        var bodyOrService = function.Parameters.Where(static p => p.Kind == ParameterKind.BodyOrService)
            .Select(static p => (Name: CSharpText.Literal(p.Name), Steps: $"{GeneratedFile.InfrastructureNamespace}ParameterBinding.BodyOrServiceSteps<{p.Type}>(services)"))
            .ToList();
        if (bodyOrService.Count == 1)
        {
            expressions.Add(bodyOrService[0].Steps);
        }
        else if (bodyOrService.Count > 1)
        {
            expressions.Add($"{GeneratedFile.InfrastructureNamespace}ParameterBinding.BodyAmongServices({CSharpText.Literal(function.DisplaySignature)}, {string.Join(", ", bodyOrService.Select(static p => $"({p.Name}, {p.Steps})"))})");
        }

        return expressions;
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
