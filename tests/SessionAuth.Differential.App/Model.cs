using Microsoft.AspNetCore.Mvc;

namespace SessionAuth.Differential.App;

[SessionData]
public sealed record DiffSession(int Id);

public enum Color
{
    Red,
    Green,
    Blue,
}

[Flags]
public enum Access
{
    None = 0,
    Read = 1,
    Write = 2,
    All = Read | Write,
}

public sealed record Order(int Id, string Name);

/// <summary>
/// An [AsParameters] record: its constructor's parameters, each with its own binding attribute and default. (No
/// nullable reference among them: the Request Delegate Generator writes typeof(string?) for one, which does not compile.)
/// </summary>
public sealed record SearchArgs([FromQuery] int Take, [FromHeader(Name = "X-Shade")] Color? Shade, string Term = "all", int Page = 1);

/// <summary>An [AsParameters] record struct: bound through its properties, so its parameters' defaults do not count (as the Request Delegate Generator binds it).</summary>
public readonly record struct PagingArgs(int Skip, int? Size);

/// <summary>A [FromForm] record: every constructor parameter is a required form field.</summary>
public sealed record FormContact(int Id, string? Name, Color Shade);

/// <summary>A [FromForm] class: each settable property an optional form field, its type's default when missing.</summary>
public sealed class FormSettings
{
    public int Count { get; set; } = 3;

    public string? Note { get; set; }

    public DateOnly? Day { get; set; }
}

/// <summary>A keyed service: registered under <see cref="Key"/> and under the number 7, never under any other key.</summary>
public sealed record Palette(string Name)
{
    public const string Key = "warm";
}
