using Microsoft.CodeAnalysis.Text;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Emitting;

/// <summary>
/// Writes the module initializer that registers the project's session rules with the runtime, so that
/// <c>UseSessionAuth()</c> evaluates a <c>[RequireSession&lt;TRule&gt;]</c> on a minimal API handler, a controller
/// action or a Razor component through generic code that calls <c>TRule.Allows</c>, without reflection.
/// </summary>
internal static class SessionRulesEmitter
{
    public const string HintName = "SessionRules.Registrations.g.cs";

    /// <summary>The class's name unless the assembly sees a type of that name (then <c>GeneratedNamesParser</c> numbers it).</summary>
    public const string ClassName = "SessionRuleRegistrations";

    public static SourceText Emit(EquatableArray<SessionRuleRegistrationSpec> rules, GeneratedNames names)
    {
        var writer = GeneratedFile.Start();
        writer.OpenBlock("namespace " + names.Namespace);
        writer.WriteLine("/// <summary>Registers the session rules this assembly declares or names in <c>[RequireSession&lt;TRule&gt;]</c>.</summary>");
        writer.WriteLine(GeneratedFile.GeneratedCodeAttribute);
        writer.OpenBlock("internal static class " + names.RulesClass);
        writer.WriteLine("/// <summary>Runs when the assembly loads, before the app builds its endpoints.</summary>");
        writer.WriteLine("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        writer.OpenBlock("internal static void Register()");
        foreach (var rule in rules)
        {
            if (rule.ArgumentType is null)
            {
                writer.WriteLine($"{GeneratedFile.InfrastructureNamespace}SessionRules.Register<{rule.Type}, {rule.SessionType}>();");
                continue;
            }

            var binding = rule.ArgumentBinding is { } call ? $"static (name, source) => {call}" : "binding: null";
            writer.WriteCall(
                $"{GeneratedFile.InfrastructureNamespace}SessionRules.Register<{rule.Type}, {rule.SessionType}, {rule.ArgumentType}>(",
                [binding],
                ");");
        }

        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToSourceText();
    }
}
