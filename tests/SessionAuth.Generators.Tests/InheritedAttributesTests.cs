using System.Reflection;
using System.Runtime.Loader;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Generators.Parsing;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// <see cref="InheritedAttributes"/> against the runtime itself: one source is compiled, loaded, and for each case the
/// attributes read from symbols must be those <c>GetCustomAttributes(inherit: true)</c> returns, in its order. The server
/// function's endpoint metadata, its guard decision and the analyzers' view of controllers, pages and hubs all rest on it.
/// </summary>
public sealed class InheritedAttributesTests
{
    private const string Source = """
        using System;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.RateLimiting;

        namespace Cases;

        public abstract class NoteAttribute(string text) : Attribute
        {
            public override string ToString() => $"{GetType().Name.Split('`')[0].Replace("Attribute", "")}({text})";
        }

        [AttributeUsage(AttributeTargets.All, AllowMultiple = true, Inherited = true)]
        public class MultiAttribute(string text) : NoteAttribute(text);

        [AttributeUsage(AttributeTargets.All, AllowMultiple = false, Inherited = true)]
        public class SingleAttribute(string text) : NoteAttribute(text);

        [AttributeUsage(AttributeTargets.All, AllowMultiple = true, Inherited = false)]
        public class HereOnlyAttribute(string text) : NoteAttribute(text);

        // No AttributeUsage of their own: the runtime takes Inherited = true, AllowMultiple = false, whatever the base says
        // (the compiler lets MultiChild repeat on one symbol, as its base allows).
        public class HereOnlyChildAttribute(string text) : HereOnlyAttribute(text);
        public class MultiChildAttribute(string text) : MultiAttribute(text);

        // Also without one: each constructed class is hidden only by the same constructed class.
        public class GenericAttribute<T>() : MultiAttribute(typeof(T).Name);

        [Multi("own 1"), Single("own"), Multi("own 2"), HereOnly("own")]
        public class Own;

        [Multi("base 1"), Single("base"), HereOnly("base"), HereOnlyChild("base"), MultiChild("base 1"), MultiChild("base 2"), Multi("base 2")]
        [Generic<int>, Generic<string>]
        public class Base
        {
            [Multi("base"), Single("base"), HereOnly("base")]
            public virtual void Act() { }

            [Single("base")]
            public virtual void Hidden() { }

            [Multi("base")]
            public virtual void Untouched() { }
        }

        [Single("middle"), MultiChild("middle")]
        public class Middle : Base
        {
            [Single("middle")]
            public override void Act() { }

            [Multi("middle")]
            public new virtual void Hidden() { }
        }

        [Multi("derived"), Generic<int>, Generic<long>]
        public class Derived : Middle
        {
            [Multi("derived")]
            public override void Act() { }

            public override void Hidden() { }
        }

        public class Empty : Base;

        public class Deeper : Empty;

        [Single("generic base")]
        public class GenericBase<T>
        {
            [Multi("generic base")]
            public virtual void Act() { }
        }

        [Multi("closed")]
        public class Closed : GenericBase<int>
        {
            public override void Act() { }
        }

        [Multi("interface")]
        public interface INoted;

        [Single("own")]
        public class Implements : INoted;

        public abstract class Abstract
        {
            [Single("abstract"), Multi("abstract")]
            public abstract void Act();
        }

        public sealed class Concrete : Abstract
        {
            [Single("concrete")]
            public override void Act() { }
        }

        [AllowAnonymous, EnableRateLimiting("base"), Tags("base"), Authorize(Roles = "base")]
        public class FrameworkBase;

        [EnableRateLimiting("derived"), Authorize(Roles = "derived")]
        public class FrameworkDerived : FrameworkBase;
        """;

    public static TheoryData<string, string?> Cases => new()
    {
        { "Cases.Own", null },
        { "Cases.Base", null },
        { "Cases.Middle", null },
        { "Cases.Derived", null },
        { "Cases.Empty", null },
        { "Cases.Deeper", null },
        { "Cases.Closed", null },
        { "Cases.Implements", null },
        { "Cases.FrameworkDerived", null },
        { "Cases.Middle", "Act" },
        { "Cases.Derived", "Act" },
        { "Cases.Derived", "Hidden" },
        { "Cases.Middle", "Hidden" },
        { "Cases.Closed", "Act" },
        { "Cases.Concrete", "Act" },
    };

    private static readonly Lazy<(Compilation Compilation, Assembly Assembly)> Compiled = new(Compile);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_attributes_read_from_symbols_are_those_GetCustomAttributes_inherit_true_returns(string type, string? method)
    {
        var (compilation, assembly) = Compiled.Value;
        var runtimeType = assembly.GetType(type, throwOnError: true)!;
        var typeSymbol = compilation.GetTypeByMetadataName(type)!;
        ICustomAttributeProvider member = method is null ? runtimeType : runtimeType.GetMethod(method, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)!;
        ISymbol symbol = method is null ? typeSymbol : typeSymbol.GetMembers(method).OfType<IMethodSymbol>().Single();

        var expected = member.GetCustomAttributes(inherit: true).Select(Describe).ToList();
        var actual = InheritedAttributes.Of(symbol).Select(Describe).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Each_attribute_names_the_symbol_that_declares_it()
    {
        var compilation = Compiled.Value.Compilation;
        var derived = compilation.GetTypeByMetadataName("Cases.Derived")!;
        var owners = InheritedAttributes.WithOwners(derived.GetMembers("Act").Single())
            .Select(static a => $"{Describe(a.Attribute)} on {a.Owner.ContainingType.Name}.{a.Owner.Name}")
            .ToList();

        Assert.Equal(["Multi(derived) on Derived.Act", "Single(middle) on Middle.Act", "Multi(base) on Base.Act"], owners);
    }

    private static (Compilation, Assembly) Compile()
    {
        var compilation = CSharpCompilation.Create(
            "InheritedAttributeCases",
            [CSharpSyntaxTree.ParseText(Source, GeneratorHarness.ParseOptions)],
            FrameworkReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        image.Position = 0;

        // The cases reference the framework this process runs on; the default context resolves it.
        var assembly = new AssemblyLoadContext(nameof(InheritedAttributesTests), isCollectible: true).LoadFromStream(image);
        return (compilation, assembly);
    }

    private static string Describe(object attribute) => attribute switch
    {
        AllowAnonymousAttribute => "AllowAnonymous",
        EnableRateLimitingAttribute limit => $"EnableRateLimiting({limit.PolicyName})",
        TagsAttribute tags => $"Tags({string.Join(",", tags.Tags)})",
        AuthorizeAttribute authorize => $"Authorize({authorize.Roles})",
        _ => attribute.ToString()!,
    };

    /// <summary>The same description, from the symbol side: the class's name, and the text or policy it was given.</summary>
    private static string Describe(AttributeData attribute)
    {
        var type = attribute.AttributeClass!;
        var name = type.Name.Replace("Attribute", string.Empty, StringComparison.Ordinal);
        return name switch
        {
            "AllowAnonymous" => name,
            "Generic" => $"Generic({((ITypeSymbol)type.TypeArguments[0]).MetadataName})",
            "Authorize" => $"Authorize({attribute.NamedArguments.Single(static a => a.Key == "Roles").Value.Value})",
            "Tags" => $"Tags({string.Join(",", attribute.ConstructorArguments[0].Values.Select(static v => v.Value))})",
            _ => $"{name}({attribute.ConstructorArguments[0].Value})",
        };
    }
}
