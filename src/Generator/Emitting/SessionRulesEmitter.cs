using Microsoft.CodeAnalysis.Text;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Emitting;

/// <summary>
/// Writes the module initializer that registers the project's session rules with the runtime, so that
/// <c>UseSessionAuth()</c> evaluates a <c>[RequireSession&lt;TRule&gt;]</c> on a minimal API handler, a controller
/// action or a Razor component through generic code that calls <c>TRule.Allows</c>, without reflection; and records why
/// each rule the project names that generated code cannot name is not registered, for the start-up check to say.
/// </summary>
internal static class SessionRulesEmitter
{
    public const string HintName = "SessionRules.Registrations.g.cs";

    /// <summary>The class's name unless the assembly sees a type of that name (then <c>GeneratedNamesParser</c> numbers it).</summary>
    public const string ClassName = "SessionRuleRegistrations";

    public static SourceText Emit(SessionRuleRegistrationsSpec rules, GeneratedNames names)
    {
        var writer = GeneratedFile.Start();
        writer.OpenBlock("namespace " + names.Namespace);
        writer.WriteLine("/// <summary>Registers the session rules this assembly declares or names in <c>[RequireSession&lt;TRule&gt;]</c>.</summary>");
        writer.WriteLine(GeneratedFile.GeneratedCodeAttribute);
        writer.OpenBlock("internal static class " + names.RulesClass);
        writer.WriteLine("/// <summary>Runs when the assembly loads, before the app builds its endpoints.</summary>");
        writer.WriteLine("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        writer.OpenBlock("internal static void Register()");
        foreach (var rule in rules.Registered)
        {
            var disabled = string.Join(", ", rule.DisabledWarnings);
            if (disabled.Length > 0)
            {
                writer.WriteLine($"#pragma warning disable {disabled} // the rule is [Obsolete] or [Experimental]: registering it is no new use");
            }

            if (rule.ArgumentType is null)
            {
                writer.WriteLine($"{GeneratedFile.InfrastructureNamespace}SessionRules.Register<{rule.Type}, {rule.SessionType}>();");
            }
            else
            {
                var binding = rule.ArgumentBinding is { } call ? $"static (name, source) => {call}" : "binding: null";
                writer.WriteCall(
                    $"{GeneratedFile.InfrastructureNamespace}SessionRules.Register<{rule.Type}, {rule.SessionType}, {rule.ArgumentType}>(",
                    [binding],
                    ");");
            }

            if (disabled.Length > 0)
            {
                writer.WriteLine($"#pragma warning restore {disabled}");
            }
        }

        foreach (var rule in rules.Refused)
        {
            writer.WriteCall($"{GeneratedFile.InfrastructureNamespace}SessionRules.NotRegistered(", [CSharpText.Literal(rule.RuntimeName), CSharpText.Literal(rule.Reason)], ");");
        }

        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToSourceText();
    }
}
