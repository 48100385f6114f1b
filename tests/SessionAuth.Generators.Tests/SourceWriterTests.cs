using SessionAuth.Generators.Emitting;

namespace SessionAuth.Generators.Tests;

public sealed class SourceWriterTests
{
    [Fact]
    public void A_file_that_leaves_a_block_open_fails_instead_of_being_written()
    {
        var writer = new SourceWriter();
        writer.OpenBlock("namespace Shop");
        writer.OpenBlock("static class Orders");
        writer.CloseBlock();

        var failure = Assert.Throws<InvalidOperationException>(() => writer.ToSourceText());
        Assert.Contains("1 level(s) deep", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Closing_a_block_that_was_never_opened_fails()
    {
        var writer = new SourceWriter();
        writer.OpenBlock("namespace Shop");
        writer.CloseBlock();

        Assert.Throws<InvalidOperationException>(() => writer.CloseBlock());
    }

    [Fact]
    public void Blocks_indent_their_lines_and_a_balanced_file_is_written()
    {
        var writer = new SourceWriter();
        writer.OpenBlock("namespace Shop");
        writer.WriteLine("class Orders;");
        writer.CloseBlock();

        Assert.Equal("namespace Shop\n{\n    class Orders;\n}\n", writer.ToSourceText().ToString());
    }

    [Fact]
    public void A_list_that_fits_stays_on_one_line()
    {
        var writer = new SourceWriter();
        writer.Indent();
        writer.WriteList("Map<", ["T1", "T2", "TResult"], ">(");
        writer.Unindent();

        Assert.Equal("    Map<T1, T2, TResult>(\n", writer.ToSourceText().ToString());
    }

    [Fact]
    public void A_list_that_would_pass_the_line_width_puts_one_item_on_each_line()
    {
        var items = Enumerable.Range(1, 30).Select(i => "T" + i).ToList();
        var writer = new SourceWriter();
        writer.OpenBlock("class C");
        writer.WriteList("void M<", items, ">()");
        writer.CloseBlock();

        var lines = writer.ToSourceText().ToString().Split('\n');
        Assert.Equal("    void M<", lines[2]);
        Assert.Equal("        T1,", lines[3]);
        Assert.Equal("        T30>()", lines[32]);
        Assert.Equal("}", lines[33]);
    }

    [Fact]
    public void A_call_that_would_pass_the_line_width_puts_its_arguments_on_one_line_below_when_they_fit_there()
    {
        var writer = new SourceWriter();
        writer.WriteCall("var binding = " + new string('X', 100) + "(", ["name1", "source1", "default1"], ");");
        writer.WriteCall("f(", Enumerable.Range(1, 40).Select(i => "argument" + i).ToList(), ");");

        var lines = writer.ToSourceText().ToString().Split('\n');
        Assert.Equal("    name1, source1, default1);", lines[1]);
        Assert.Equal("f(", lines[2]);
        Assert.Equal("    argument1,", lines[3]);
        Assert.Equal("    argument40);", lines[42]);
    }

    [Fact]
    public void Wrapped_text_breaks_at_spaces_within_the_line_width_and_keeps_every_word()
    {
        var text = string.Join(" ", Enumerable.Range(1, 80).Select(i => "word" + i));
        var writer = new SourceWriter();
        writer.Indent();
        writer.Indent();
        writer.WriteWrapped("/// ", text);
        writer.Unindent();
        writer.Unindent();

        var lines = writer.ToSourceText().ToString().TrimEnd('\n').Split('\n');
        Assert.True(lines.Length > 1);
        Assert.All(lines, line => Assert.StartsWith("        /// ", line, StringComparison.Ordinal));
        Assert.All(lines, line => Assert.InRange(line.Length, 1, SourceWriter.LineWidth));
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var nextWord = lines[i + 1]["        /// ".Length..].Split(' ')[0];
            Assert.True(lines[i].Length + 1 + nextWord.Length > SourceWriter.LineWidth, $"line {i} broke before the width: {lines[i]}");
        }

        Assert.Equal(text, string.Join(" ", lines.Select(line => line["        /// ".Length..])));
    }
}
