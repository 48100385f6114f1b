using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Generators.Emitting;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>Every kind of value CSharpText writes, compiled back: the C# it writes must mean the value it was given.</summary>
public sealed class CSharpTextTests
{
    private const string Hostile = "quote \" backslash \\ comment */ CR \r LF \n NEL \u0085 LS \u2028 PS \u2029 NUL \0 tab \t lone \uD800 pair \U0001F989 end";

    private static readonly string[] HostileEscapes = ["\\u000D", "\\u000A", "\\u0085", "\\u2028", "\\u2029", "\\u0000", "\\u0009", "\\uD800"];

    public static TheoryData<object, string> Values => new()
    {
        { double.NaN, "double" }, { double.PositiveInfinity, "double" }, { double.NegativeInfinity, "double" },
        { double.MaxValue, "double" }, { double.MinValue, "double" }, { double.Epsilon, "double" }, { -0.0d, "double" }, { 0.1d, "double" },
        { float.NaN, "float" }, { float.PositiveInfinity, "float" }, { float.NegativeInfinity, "float" },
        { float.MaxValue, "float" }, { float.MinValue, "float" }, { float.Epsilon, "float" }, { 0.1f, "float" },
        { decimal.MaxValue, "decimal" }, { decimal.MinValue, "decimal" }, { 1.000m, "decimal" }, { -0.0000000000000000000000000001m, "decimal" },
        { '\0', "char" }, { '\uD800', "char" }, { '\uDC00', "char" }, { '\'', "char" }, { '\\', "char" }, { '\u2028', "char" }, { '\u2029', "char" }, { '\u0085', "char" }, { '\uFFFF', "char" },
        { long.MinValue, "long" }, { long.MaxValue, "long" }, { ulong.MaxValue, "ulong" }, { uint.MaxValue, "uint" }, { int.MinValue, "int" },
        { sbyte.MinValue, "sbyte" }, { byte.MaxValue, "byte" }, { short.MinValue, "short" }, { ushort.MaxValue, "ushort" },
        { true, "bool" }, { false, "bool" },
        { new DateTime(638000000000000000L, DateTimeKind.Unspecified), "global::System.DateTime" },
        { new DateTime(638000000000000001L, DateTimeKind.Utc), "global::System.DateTime" },
        { Hostile, "string" }, { string.Empty, "string" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_constant_compiles_back_to_the_same_value(object value, string type)
    {
        var expression = CSharpText.Constant(value);
        Assert.NotNull(expression);
        var evaluated = Evaluate($"({type})({expression})");
        Assert.Equal(value, evaluated);
        if (value is DateTime time)
        {
            Assert.Equal(time.Kind, ((DateTime)evaluated!).Kind);
        }
    }

    [Fact]
    public void A_value_with_no_CSharp_form_is_refused_rather_than_guessed() =>
        Assert.Null(CSharpText.Constant(new object()));

    [Fact]
    public void Comment_text_stays_on_one_line_and_shows_what_was_there()
    {
        var text = CSharpText.OneLine(Hostile);
        var comment = CSharpSyntaxTree.ParseText("// " + text + "\nclass C { }").GetRoot();

        Assert.Equal(HostileEscapes, Escapes(text));
        Assert.Contains("\U0001F989", text, StringComparison.Ordinal);
        Assert.Single(comment.DescendantTrivia(), t => t.IsKind(SyntaxKind.SingleLineCommentTrivia));
        Assert.Empty(comment.GetDiagnostics());
    }

    [Fact]
    public void Doc_comment_text_is_one_line_of_escaped_XML() =>
        Assert.Equal("a &lt;b&gt; &amp; c\\u2028d", CSharpText.XmlText("a <b> & c\u2028d"));

    [Theory]
    [InlineData("class", "@class")]
    [InlineData("event", "@event")]
    [InlineData("value", "value")]
    [InlineData("Orders", "Orders")]
    public void A_keyword_identifier_gets_an_at(string name, string expected) => Assert.Equal(expected, CSharpText.Identifier(name));

    private static IEnumerable<string> Escapes(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\\u[0-9A-F]{4}").Select(m => m.Value);

    private static object? Evaluate(string expression)
    {
        var tree = CSharpSyntaxTree.ParseText($"public static class Holder {{ public static object Value() => {expression}; }}", GeneratorHarness.ParseOptions);
        var compilation = CSharpCompilation.Create("Literal" + Guid.NewGuid().ToString("N"), [tree], FrameworkReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var holder = Assembly.Load(stream.ToArray()).GetType("Holder")!;
        return holder.GetMethod("Value")!.Invoke(null, null);
    }
}
