using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SessionAuth.Generators.Emitting;

/// <summary>
/// Writes C# source line by line at the current indentation; blocks indent themselves, and lists and comments that
/// would run past <see cref="LineWidth"/> wrap. It checks itself as dotnet/runtime's SourceWriter does: indentation never
/// goes below zero, and a file must end where it began (<see cref="ToSourceText"/>). Both throw rather than assert, so
/// that a Release build of the generator, the one the tests run, fails loudly too.
/// </summary>
internal sealed class SourceWriter
{
    /// <summary>The column that wrapped lists and comments stay within.</summary>
    public const int LineWidth = 120;

    private const string IndentUnit = "    ";

    private readonly StringBuilder _builder = new();
    private int _indentation;

    public void WriteLine(string line)
    {
        if (line.Length > 0)
        {
            for (var i = 0; i < _indentation; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(line);
        }

        _builder.Append('\n');
    }

    public void WriteLine() => _builder.Append('\n');

    /// <summary>Writes each line of <paramref name="text"/> (a raw string literal, say) at the current indentation.</summary>
    public void WriteLines(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            WriteLine(line);
        }
    }

    /// <summary>Writes <paramref name="header"/> (if any), then an opening brace on a line of its own, and indents.</summary>
    public void OpenBlock(string? header = null)
    {
        if (header is not null)
        {
            WriteLine(header);
        }

        WriteLine("{");
        Indent();
    }

    /// <summary>Unindents and writes <paramref name="closing"/>: the brace that <see cref="OpenBlock"/> opened, with anything that follows it.</summary>
    public void CloseBlock(string closing = "}")
    {
        Unindent();
        WriteLine(closing);
    }

    public void Indent() => _indentation++;

    public void Unindent()
    {
        if (_indentation == 0)
        {
            throw new InvalidOperationException("The writer was unindented past column 0: a block was closed that was never opened.");
        }

        _indentation--;
    }

    /// <summary>
    /// Writes <paramref name="opening"/>, the <paramref name="items"/> separated by commas, and <paramref name="closing"/>
    /// on one line when it fits within <see cref="LineWidth"/>; otherwise <paramref name="opening"/> alone, then each item
    /// on a line of its own one level in, the last one followed by <paramref name="closing"/>.
    /// </summary>
    public void WriteList(string opening, IReadOnlyList<string> items, string closing)
    {
        var line = opening + string.Join(", ", items) + closing;
        if (items.Count == 0 || Fits(line.Length))
        {
            WriteLine(line);
            return;
        }

        WriteLine(opening);
        Indent();
        for (var i = 0; i < items.Count; i++)
        {
            WriteLine(i == items.Count - 1 ? items[i] + closing : items[i] + ",");
        }

        Unindent();
    }

    /// <summary>
    /// Writes a call (or any parenthesised list) as <see cref="WriteList"/> does, except that when it does not fit on one
    /// line the <paramref name="arguments"/> first try to share a single line one level in, and only then take one each.
    /// </summary>
    public void WriteCall(string opening, IReadOnlyList<string> arguments, string closing)
    {
        var joined = string.Join(", ", arguments) + closing;
        if (arguments.Count == 0 || Fits(opening.Length + joined.Length) || !Fits(IndentUnit.Length + joined.Length))
        {
            WriteList(opening, arguments, closing);
            return;
        }

        WriteLine(opening);
        Indent();
        WriteLine(joined);
        Unindent();
    }

    /// <summary>
    /// Writes <paramref name="operands"/> joined by a binary <paramref name="operator"/> (<c>|</c>, say), then
    /// <paramref name="closing"/>: on one line when it fits, otherwise the first operand alone and each next one on a line
    /// of its own one level in, led by the operator.
    /// </summary>
    public void WriteOperands(IReadOnlyList<string> operands, string @operator, string closing)
    {
        var line = string.Join($" {@operator} ", operands) + closing;
        if (operands.Count < 2 || Fits(line.Length))
        {
            WriteLine(line);
            return;
        }

        WriteLine(operands[0]);
        Indent();
        for (var i = 1; i < operands.Count; i++)
        {
            WriteLine($"{@operator} {operands[i]}{(i == operands.Count - 1 ? closing : string.Empty)}");
        }

        Unindent();
    }

    /// <summary>
    /// Writes <paramref name="text"/> as lines that each start with <paramref name="prefix"/> (<c>/// </c> or <c>// </c>),
    /// breaking it at spaces so that no line runs past <see cref="LineWidth"/> (a word longer than a line stays whole).
    /// </summary>
    public void WriteWrapped(string prefix, string text)
    {
        var line = new StringBuilder(prefix);
        foreach (var word in text.Split(' '))
        {
            if (line.Length > prefix.Length && !Fits(line.Length + 1 + word.Length))
            {
                WriteLine(line.ToString());
                line.Clear().Append(prefix);
            }

            if (line.Length > prefix.Length)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        WriteLine(line.ToString());
    }

    /// <summary>The text written so far; it must end at the indentation it began with, or a block was left open.</summary>
    public SourceText ToSourceText()
    {
        if (_indentation != 0)
        {
            throw new InvalidOperationException($"The generated file ends {_indentation} level(s) deep: a block was opened and never closed.");
        }

        return SourceText.From(_builder.ToString(), Encoding.UTF8);
    }

    private bool Fits(int length) => (_indentation * IndentUnit.Length) + length <= LineWidth;
}
