using System.Reflection;
using Microsoft.AspNetCore.Http;
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

/// <summary>
/// A struct that is text only through its own <c>TryParse(string, out T)</c> (not <c>IParsable</c>). A text it refuses
/// still gives a value (<c>refused:...</c>), so that a binding that keeps what TryParse gave (an empty required value,
/// as minimal APIs bind it) shows it, and one that binds <c>default</c> instead shows that.
/// </summary>
public readonly struct Sku
{
    public Sku(string code) => Code = code;

    public string Code { get; }

    public override string ToString() => Code ?? "default";

    public static bool TryParse(string? text, out Sku sku)
    {
        sku = new Sku("refused:" + text);
        if (string.IsNullOrEmpty(text) || text.Any(char.IsWhiteSpace) || text.StartsWith("refuse", StringComparison.Ordinal))
        {
            return false;
        }

        sku = new Sku(text);
        return true;
    }
}

/// <summary>A class that binds itself from the query key <c>cart</c> (one value); no value is null.</summary>
public sealed class Cart
{
    private Cart(string id) => Id = id;

    public string Id { get; }

    public override string ToString() => Id;

    public static ValueTask<Cart?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(context.Request.Query.TryGetValue("cart", out var id) && id.Count == 1 && !string.IsNullOrEmpty(id) ? new Cart(id.ToString()) : null);
}

/// <summary>
/// A class that binds itself with the function's <see cref="ParameterInfo"/>: from the query key named like the
/// parameter, echoing what the ParameterInfo says (name, method, position, type, default), so that both sides show they
/// were handed the same one. The value <c>none</c>, or no value, is null.
/// </summary>
public sealed class Tagged
{
    private Tagged(string text) => Text = text;

    public string Text { get; }

    public override string ToString() => Text;

    public static ValueTask<Tagged?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameter);
        var value = context.Request.Query[parameter.Name!].ToString();
        return ValueTask.FromResult(value is "" or "none"
            ? null
            : new Tagged($"{value}@{parameter.Member.DeclaringType!.Name}.{parameter.Member.Name}#{parameter.Position}:{parameter.Name}:{parameter.ParameterType.Name}:{parameter.HasDefaultValue}"));
    }
}

/// <summary>A class that binds itself through <see cref="IBindableFromHttpContext{TSelf}"/>, implemented explicitly: from the query key named like the parameter.</summary>
public sealed class Caller : IBindableFromHttpContext<Caller>
{
    private Caller(string name) => Name = name;

    public string Name { get; }

    public override string ToString() => Name;

    static ValueTask<Caller?> IBindableFromHttpContext<Caller>.BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(context.Request.Query.TryGetValue(parameter.Name!, out var name) && !string.IsNullOrEmpty(name) ? new Caller($"{name}:{parameter.Name}") : null);
}

/// <summary>A struct that binds itself from the query key <c>region</c>, always with a value.</summary>
public readonly struct Region
{
    public string Code { get; init; }

    public override string ToString() => Code;

    public static ValueTask<Region> BindAsync(HttpContext context) => ValueTask.FromResult(new Region { Code = "region:" + context.Request.Query["region"] });
}

/// <summary>A struct that binds itself with the function's ParameterInfo, and gives no value for an empty key.</summary>
public readonly struct Zone
{
    public string Code { get; init; }

    public override string ToString() => Code;

    public static ValueTask<Zone?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var value = context.Request.Query[parameter.Name!].ToString();
        return ValueTask.FromResult<Zone?>(value.Length == 0 ? null : new Zone { Code = $"{value}:{parameter.Name}#{parameter.Position}" });
    }
}

/// <summary>A type with both a BindAsync and a TryParse: minimal APIs bind it by its BindAsync.</summary>
public sealed class Both
{
    private Both(string how) => How = how;

    public string How { get; }

    public override string ToString() => How;

    public static ValueTask<Both?> BindAsync(HttpContext context) => ValueTask.FromResult<Both?>(new Both("BindAsync:" + context.Request.Query["both"]));

    public static bool TryParse(string text, out Both both)
    {
        both = new Both("TryParse:" + text);
        return true;
    }
}

/// <summary>
/// A struct whose <c>TryParse</c> accepts any text, none (null) included: only a binder that calls it for a missing
/// value (the Request Delegate Generator does, for an optional parameter) sees <c>no text</c>.
/// </summary>
public readonly struct Lenient
{
    public Lenient(string text) => Text = text;

    public string Text { get; }

    public override string ToString() => Text;

    public static bool TryParse(string? text, out Lenient lenient)
    {
        lenient = new Lenient(text ?? "no text");
        return true;
    }
}
