using CsCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// The generator's port of the route pattern parser against the framework's own: for every pattern, both accept it or
/// both refuse it, and what they read from an accepted one agrees; and the generator's ambiguity verdict for two
/// patterns against what routing's matcher does with requests to both.
/// </summary>
public sealed class RouteTemplateTests
{
    public static TheoryData<string> Patterns => new()
    {
        // Accepted.
        "/", "", "~/", "/api", "api/orders", "/api/orders/", "/api/{id}", "/api/{id:int}", "/api/{id:int:min(1)}", "/api/{id=5}",
        "/api/{id?}", "/api/{*rest}", "/api/{**rest}", "/api/{*rest:int}", "/api/{name}.{ext?}", "/api/{name}.{ext}", "/api/{a}-{b}",
        "/api/x{id}y", "/api/{{literal}}", "/api/a}}b", "/api/{p:regex(^\\d{{3}}$)}", "/api/{p:regex(a:b)}", "/api/{p:regex(a=b)}",
        "/api/{p:length(1,5)=abc}", "/api/{:name}", "/api/{=name}", "/api/{p:}", "/api/{p::int}", "/api/{p:int(}", "/api/{p:(x)}",
        "/api/{p=}", "/api/{p=a=b}", "/api/{p:int=5}", "/a#b", "/a b/c", "/_server/Orders.Inner/Find", "/ünïcödé/{naïve}",
        "/api/{id}/{ID2}", "/api/.{ext?}", "/{a}/{b?}",

        // Refused.
        "~", "~api", "//", "/api//orders", "/api/{", "/api/}", "/api/{id", "/api/id}", "/api/{}", "/api/{id}{name}", "/api/{id}/{ID}",
        "/api/{*rest}/more", "/api/{*rest}x", "/api/x{*rest}", "/api/{*rest?}", "/api/{id?=5}", "/api/{id?}x", "/api/{a}-{b?}",
        "/api/{a}{b?}", "/api/{a?}.{b?}", "/api/a?b", "/api/{a/b}", "/api/{a{b}", "/api/{a}b}", "/api/{a*}", "/api/{?}", "/api/{*}",
        "/api/{p:regex(^\\d{3}$)}", "/api/{{", "/api/}}}", "{", "}", "/api/{{{id}}}",
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void The_port_accepts_exactly_what_the_framework_accepts_and_reads_it_alike(string pattern) => AssertAgrees(pattern);

    /// <summary>Patterns built from the characters that mean something to the parser, so that new combinations are tried on every run.</summary>
    [Fact]
    public void Random_patterns_get_the_framework_verdict() =>
        Gen.OneOf(Gen.Const("{"), Gen.Const("}"), Gen.Const("/"), Gen.Const("?"), Gen.Const("*"), Gen.Const(":"), Gen.Const("="),
                Gen.Const("("), Gen.Const(")"), Gen.Const("."), Gen.Const("-"), Gen.Const("~"), Gen.Const("a"), Gen.Const("id"),
                Gen.Const("int"), Gen.Const("{id}"), Gen.Const("{x?}"), Gen.Const("{*r}"), Gen.Const("{{"), Gen.Const("}}"))
            .Array[0, 12]
            .Select(static pieces => string.Concat(pieces))
            .Sample(AssertAgrees, iter: 20_000);

    [Fact]
    public void Routing_ranks_no_more_than_28_segments()
    {
        Assert.NotNull(RouteTemplate.Parse("/" + string.Join("/", Enumerable.Repeat("a", 28)), out _));
        Assert.Null(RouteTemplate.Parse("/" + string.Join("/", Enumerable.Repeat("a", 29)), out var error));
        Assert.Equal("it has 29 segments, more than the 28 routing can rank", error);
    }

    private static void AssertAgrees(string pattern)
    {
        RoutePattern? framework;
        try
        {
            framework = RoutePatternFactory.Parse(pattern);
        }
        catch (RoutePatternException)
        {
            framework = null;
        }

        var ours = RouteTemplate.Parse(pattern, out var error);
        Assert.True(
            (framework is null) == (ours is null),
            $"'{pattern}': the framework {(framework is null ? "refuses" : "accepts")} it, the port {(ours is null ? $"refuses it ({error})" : "accepts it")}");
        if (framework is null || ours is null)
        {
            Assert.False(string.IsNullOrEmpty(error), $"'{pattern}' is refused without a reason");
            return;
        }

        Assert.Equal(
            framework.PathSegments.Select(static s => Describe(s.Parts.Select(Describe))),
            ours.Segments.Select(static s => Describe(s.Parts.Select(Describe))));
        Assert.Equal(
            framework.PathSegments.Select(static s => InboundPrecedenceDigit(s)),
            ours.Segments.Select(static s => s.PrecedenceDigit));
        Assert.Equal(framework.Parameters.Select(static p => p.Name).Order(), ours.ParameterNames.Order());
    }

    private static string Describe(IEnumerable<string> parts) => string.Join(" | ", parts);

    private static string Describe(RoutePatternPart part) => part switch
    {
        RoutePatternLiteralPart literal => "literal " + literal.Content,
        RoutePatternSeparatorPart separator => "literal " + separator.Content,
        RoutePatternParameterPart parameter =>
            $"parameter {parameter.Name} {parameter.ParameterKind} [{string.Join(", ", parameter.ParameterPolicies.Select(static p => p.Content))}] default {parameter.Default ?? "none"}",
        _ => throw new InvalidOperationException(part.GetType().Name),
    };

    private static string Describe(RoutePart part) => part switch
    {
        RouteLiteral literal => "literal " + literal.Content,
        RouteParameter parameter => $"parameter {parameter.Name} {parameter.Kind} [{string.Join(", ", parameter.Constraints)}] default {parameter.Default ?? "none"}",
        _ => throw new InvalidOperationException(part.GetType().Name),
    };

    /// <summary>RoutePrecedence.ComputeInbound's digit for one segment (the framework's method is internal for RoutePattern).</summary>
    private static int InboundPrecedenceDigit(RoutePatternPathSegment segment) =>
        segment.Parts.Count > 1 ? 2
        : segment.Parts[0] is RoutePatternParameterPart parameter ? (parameter.IsCatchAll ? 5 : 3) - (parameter.ParameterPolicies.Count > 0 ? 1 : 0)
        : 1;

    public static TheoryData<string, string, bool> Pairs => new()
    {
        { "/a/{id}", "/a/{id?}", true },
        { "/a/{id}", "/a/{key}", true },
        { "/a/{id}", "/a/{id=5}", true },
        { "/a/{id:int}", "/a/{key:int}", true },
        { "/a/{id:int}", "/a/{id:long}", true },
        { "/a/{id:int}", "/a/{id:min(5)}", true },
        { "/a/{id:range(1,10)}", "/a/{id:range(10,20)}", true },
        { "/a/{id:range(1,9)}", "/a/{id:range(10,20)}", false },
        { "/a/{id:int}", "/a/{name:alpha}", false },
        { "/a/{id:minlength(3)}", "/a/{id:maxlength(2)}", false },
        { "/a/{id:length(4)}", "/a/{id:alpha}", true },
        { "/a/{id:guid}", "/a/{id:int}", false },
        { "/a/{id:bool}", "/a/{id:alpha}", true },
        { "/a/{id:int}", "/a/{id}", false },
        { "/a/b", "/A/B/", true },
        { "/a/b", "/a/c", false },
        { "/a/b", "/a/{id}", false },
        { "/a", "/a/{id?}", false },
        { "/a/{*rest}", "/a/{*all}", true },
        { "/a/{*rest}", "/a/{**all}", true },
        { "/a/{*rest}", "/a/{id}", false },
        { "/a/{*rest:int}", "/a/{*rest}", false },
        { "/a/{x}.{y}", "/a/{p}.{q}", true },
        { "/a/{x}.{y}", "/A/{p}.{q?}", true },
        { "/a/{x}/b", "/a/{y}/B", true },
        { "/a/{x}/b", "/{y}/a/b", false },
        { "~/a/{x}", "/a/{y}", true },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Two_patterns_are_ambiguous_exactly_when_routing_cannot_choose_between_them(string first, string second, bool ambiguous)
    {
        var a = RouteTemplate.Parse(first, out _)!;
        var b = RouteTemplate.Parse(second, out _)!;
        Assert.Equal(ambiguous, a.IsAmbiguousWith(b));
        Assert.Equal(ambiguous, b.IsAmbiguousWith(a));
        Assert.Equal(ambiguous, await RoutingFindsAmbiguityAsync(first, second, [.. Requests(a), .. Requests(b)]));
    }

    /// <summary>Paths that a pattern's endpoint may answer: its literals as written, its parameters filled with sample values, optional ones left out too.</summary>
    private static IEnumerable<string> Requests(RouteTemplate template)
    {
        string[] values = ["5", "10", "15", "abc", "abcd", "x.txt", "true", "00000000-0000-0000-0000-000000000000"];
        IEnumerable<string> paths = [string.Empty];
        foreach (var segment in template.Segments)
        {
            var choices = values.Select(value => string.Concat(segment.Parts.Select(part => part is RouteLiteral literal ? literal.Content : value))).ToList();
            if (segment.Parts is [RouteParameter { Kind: RouteParameterKind.Optional } or RouteParameter { Default: not null }])
            {
                choices.Add(string.Empty);
            }

            paths = paths.SelectMany(path => choices.Select(choice => choice.Length == 0 ? path : path + "/" + choice)).ToList();
        }

        return paths.Select(static path => path.Length == 0 ? "/" : path);
    }

    /// <summary>Maps both patterns on GET in a real routing pipeline and asks it to route every request: true when any is ambiguous.</summary>
    private static async Task<bool> RoutingFindsAmbiguityAsync(string first, string second, IEnumerable<string> paths)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.UseRouting();
        app.MapGet(first, () => "first");
        app.MapGet(second, () => "second");
        app.UseEndpoints(static _ => { });
        var pipeline = ((IApplicationBuilder)app).Build();
        foreach (var path in paths.Distinct())
        {
            var context = new DefaultHttpContext { RequestServices = app.Services };
            context.Request.Method = "GET";
            context.Request.Path = path;
            try
            {
                await pipeline(context);
            }
            catch (Exception exception) when (exception.GetType().Name == "AmbiguousMatchException")
            {
                return true;
            }
        }

        return false;
    }
}
