using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// Finds the rules named only in a Razor component's <c>@attribute</c> (<c>[RequireSession&lt;Both&lt;NotExpelled, Prefect&gt;&gt;]</c>):
/// the Razor compiler is a generator too, and no generator sees another's output, so without this a constructed generic
/// rule no C# file names would never be registered. The attribute's text is bound by the compilation, in a probe that
/// has the usings and the namespace the component's generated class has: the rules found are what the Razor compiler
/// will compile, resolved by the same rules of C#.
/// </summary>
internal static class RazorRuleParser
{
    private const string ImportsFile = "_Imports.razor";
    private const string ProbeClass = "SessionAuthRazorRuleProbe";

    /// <summary>
    /// The usings Razor gives every component before its own (it writes them <c>global::</c>-qualified in the namespace;
    /// outside it, here, they bind the same namespaces).
    /// </summary>
    private const string DefaultUsings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Components;

        """;

    public static bool IsRazorFile(AdditionalText file) => file.Path.EndsWith(".razor", StringComparison.OrdinalIgnoreCase);

    /// <summary>The directives of one <c>.razor</c> file that decide which rules its component names.</summary>
    public static RazorFileSpec Read(AdditionalText file, AnalyzerConfigOptions options, string? projectDirectory, CancellationToken cancellationToken)
    {
        var path = TargetPath(file, options, projectDirectory);
        var slash = path.LastIndexOf('/');
        var usings = new List<string>();
        var attributes = new List<string>();
        string? declaredNamespace = null;
        var text = file.GetText(cancellationToken);
        if (text is not null)
        {
            foreach (var line in text.Lines)
            {
                var directive = line.ToString().Trim();
                // "@using (...)" opens a disposable's scope in markup; only "@using Name" is a directive.
                if (Directive(directive, "@using") is { } used && !used.StartsWith("(", StringComparison.Ordinal))
                {
                    usings.Add("using " + used.TrimEnd(';'));
                }
                else if (Directive(directive, "@namespace") is { } name)
                {
                    declaredNamespace = name;
                }
                else if (Directive(directive, "@attribute") is { } attribute && attribute.IndexOf("RequireSession", StringComparison.Ordinal) >= 0)
                {
                    attributes.Add(attribute);
                }
            }
        }

        var fileName = slash < 0 ? path : path.Substring(slash + 1);
        return new RazorFileSpec(
            slash < 0 ? string.Empty : path.Substring(0, slash),
            string.Equals(fileName, ImportsFile, StringComparison.OrdinalIgnoreCase),
            usings.ToEquatableArray(),
            declaredNamespace,
            attributes.ToEquatableArray());
    }

    /// <summary>The rules the components of <paramref name="files"/> name in their <c>@attribute</c>s: registered, or why not.</summary>
    public static NamedSessionRulesSpec Bind(IReadOnlyList<RazorFileSpec> files, string? rootNamespace, Compilation compilation, CancellationToken cancellationToken)
    {
        // One probe per component, all added at once: one more compilation, however many components name rules. Each has
        // a path of its own, which a file-local class needs.
        var parseOptions = compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions ?? CSharpParseOptions.Default;
        var probes = files
            .Where(static file => !file.IsImports && file.Attributes.Count > 0)
            .Select((file, i) => CSharpSyntaxTree.ParseText(Probe(file, files, rootNamespace), parseOptions, path: $"{ProbeClass}{i}.cs", cancellationToken: cancellationToken))
            .ToList();
        var registered = new List<SessionRuleRegistrationSpec>();
        var refused = new List<SessionRuleRefusalSpec>();
        if (probes.Count == 0)
        {
            return new NamedSessionRulesSpec(EquatableArray<SessionRuleRegistrationSpec>.Empty, EquatableArray<SessionRuleRefusalSpec>.Empty);
        }

        var probing = compilation.AddSyntaxTrees(probes);
        foreach (var probe in probes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var declaration = probe.GetRoot(cancellationToken).DescendantNodes().OfType<ClassDeclarationSyntax>().First();
            if (probing.GetSemanticModel(probe).GetDeclaredSymbol(declaration, cancellationToken) is { } component)
            {
                var named = SessionRuleParser.ReadNamed(component.GetAttributes(), probing);
                registered.AddRange(named.Registered);
                refused.AddRange(named.Refused);
            }
        }

        return new NamedSessionRulesSpec(registered.ToEquatableArray(), refused.ToEquatableArray());
    }

    /// <summary>
    /// A C# file that declares, where the Razor compiler declares the component (its namespace, with the usings of every
    /// <c>_Imports.razor</c> above it, outermost first, then its own), a class carrying its <c>@attribute</c>s.
    /// </summary>
    private static string Probe(RazorFileSpec file, IReadOnlyList<RazorFileSpec> files, string? rootNamespace)
    {
        var imports = files
            .Where(f => f.IsImports && Contains(f.Folder, file.Folder))
            .OrderBy(static f => f.Folder.Length)
            .ToList();
        var probe = new StringBuilder(DefaultUsings);
        var name = Namespace(file, imports, rootNamespace);
        if (name.Length > 0)
        {
            probe.Append("namespace ").AppendLine(name).AppendLine("{");
        }

        foreach (var directive in imports.SelectMany(static f => f.Usings).Concat(file.Usings))
        {
            probe.Append(directive).AppendLine(";");
        }

        foreach (var attribute in file.Attributes)
        {
            probe.AppendLine(attribute);
        }

        probe.Append("file sealed class ").Append(ProbeClass).AppendLine(" { }");
        if (name.Length > 0)
        {
            probe.AppendLine("}");
        }

        return probe.ToString();
    }

    /// <summary>
    /// The component's namespace as Razor chooses it: its own <c>@namespace</c>; else the nearest <c>_Imports.razor</c>'s,
    /// followed by the folders below it; else the project's root namespace followed by the file's folders.
    /// </summary>
    private static string Namespace(RazorFileSpec file, List<RazorFileSpec> imports, string? rootNamespace)
    {
        if (file.Namespace is { } declared)
        {
            return declared;
        }

        var nearest = imports.LastOrDefault(static f => f.Namespace is not null);
        var (name, below) = nearest is not null
            ? (nearest.Namespace!, file.Folder.Substring(nearest.Folder.Length).TrimStart('/'))
            : (rootNamespace ?? string.Empty, file.Folder);
        foreach (var folder in below.Split(['/'], StringSplitOptions.RemoveEmptyEntries))
        {
            name += (name.Length > 0 ? "." : string.Empty) + Identifier(folder);
        }

        return name;
    }

    private static string Identifier(string folder)
    {
        var name = new StringBuilder(folder.Length + 1);
        foreach (var c in folder)
        {
            name.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return name.Length == 0 || char.IsDigit(name[0]) ? "_" + name : name.ToString();
    }

    private static bool Contains(string folder, string inner) =>
        folder.Length == 0 || string.Equals(folder, inner, StringComparison.OrdinalIgnoreCase)
        || inner.StartsWith(folder + "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The text after a directive's keyword, or <see langword="null"/> when the line is not that directive.</summary>
    private static string? Directive(string line, string keyword) =>
        line.StartsWith(keyword, StringComparison.Ordinal) && line.Length > keyword.Length && char.IsWhiteSpace(line[keyword.Length])
            ? line.Substring(keyword.Length).Trim()
            : null;

    /// <summary>
    /// The file's path in the project, '/'-separated: the <c>TargetPath</c> the Razor SDK passes (base64-encoded since
    /// .NET 8), else the path below the project directory.
    /// </summary>
    private static string TargetPath(AdditionalText file, AnalyzerConfigOptions options, string? projectDirectory)
    {
        var path = file.Path;
        if (options.TryGetValue("build_metadata.AdditionalFiles.TargetPath", out var target) && target.Length > 0)
        {
            try
            {
                path = Encoding.UTF8.GetString(Convert.FromBase64String(target));
            }
            catch (FormatException)
            {
                path = target;
            }
        }
        else if (projectDirectory is { Length: > 0 } && path.StartsWith(projectDirectory, StringComparison.OrdinalIgnoreCase))
        {
            path = path.Substring(projectDirectory.Length);
        }

        return path.Replace('\\', '/').TrimStart('/');
    }
}
