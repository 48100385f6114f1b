using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using CsCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Differential.App;
using Xunit.Abstractions;

namespace SessionAuth.Corpus.Tests.Differential;

/// <summary>The differential app on real Kestrel (127.0.0.1, a free port), once for the test class.</summary>
public sealed class DifferentialFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public EndpointDataSource Endpoints => _app!.Services.GetRequiredService<EndpointDataSource>();

    public async Task InitializeAsync()
    {
        (_app, var address) = await DifferentialHost.StartAsync();
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>
/// The same requests to each function of <see cref="Functions"/> as a server function and as its minimal API twin
/// (compiled by the Request Delegate Generator): the answers must agree in status class and, on success, in body (each
/// function echoes what it bound), unless <see cref="ExpectedDifferences.Documented"/> or
/// <see cref="KnownFailures.Bindings"/> excuses the request. A fixed set of requests per function (canonical values
/// through every transport, each parameter missing, empty and repeated) runs every time; CsCheck adds random ones, and a
/// failure prints its seed (set <c>CsCheck_Seed</c> to replay it).
/// </summary>
public sealed class DifferentialTests(DifferentialFixture fixture, ITestOutputHelper output) : IClassFixture<DifferentialFixture>
{
    private const int RandomRequests = 600;

    [Fact]
    public void Every_function_has_a_twin_compiled_by_the_request_delegate_generator()
    {
        Assert.True(DifferentialFunction.All.Count >= 60, $"only {DifferentialFunction.All.Count} functions");
        var routes = fixture.Endpoints.Endpoints.OfType<RouteEndpoint>().Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToHashSet(StringComparer.Ordinal);
        foreach (var function in DifferentialFunction.All)
        {
            Assert.Contains(function.Route, routes);
            Assert.Contains(function.TwinRoute, routes);
        }

        // The Request Delegate Generator writes its interceptors into this namespace of the app's assembly.
        Assert.Contains(typeof(Functions).Assembly.GetTypes(), t => t.Namespace == "Microsoft.AspNetCore.Http.Generated");
    }

    [Fact]
    public void No_two_twins_share_an_interceptor_but_bind_apart()
    {
        // The Request Delegate Generator writes one interceptor for the handlers of one Map method whose result type and
        // parameters (name, type, nullability) agree, and binds them all as the first one: a twin that differs only in
        // a binding attribute, its Name or a default value would read another twin's source and key (FormNamed once
        // read the form key "p" of FormInt, FromHeader the query key "p" of NullableString).
        var nullability = new NullabilityInfoContext();
        string Signature(MethodInfo m) => $"{m.GetCustomAttribute<ServerFunctionAttribute>()!.Method} {m.ReturnType} ("
            + string.Join(", ", m.GetParameters().Select(p => $"{p.ParameterType}{(nullability.Create(p).ReadState == NullabilityState.Nullable ? "?" : "")} {p.Name}")) + ")";
        static string Binding(MethodInfo m) => string.Join(", ", m.GetParameters().Select(p =>
            string.Join(" ", p.GetCustomAttributes(inherit: false).OfType<IBindingSourceMetadata>().Select(a => $"{a.GetType().Name}({(a as IModelNameProvider)?.Name})"))
            + (p.HasDefaultValue ? $" = {p.DefaultValue}" : string.Empty)));

        var methods = typeof(Functions).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.GetCustomAttribute<ServerFunctionAttribute>() is not null);
        var clashes = methods.GroupBy(Signature).Where(g => g.Select(Binding).Distinct().Count() > 1).Select(g => string.Join(" / ", g.Select(m => $"{m.Name}({Binding(m)})"))).ToList();
        Assert.True(clashes.Count == 0, "these functions share a twin interceptor but bind apart; name their parameters apart:\n" + string.Join("\n", clashes));
    }

    /// <summary>One request: verb, path and query under the prefix, extra header lines, and an optional body.</summary>
    public sealed record Probe(string Verb, string PathAndQuery, string[][]? Headers = null, string? ContentType = null, string? Body = null, bool Multipart = false, string? Documented = null)
    {
        public override string ToString() => $"{Verb} {PathAndQuery}{(Headers is null ? "" : " " + string.Join(" ", Headers.Select(h => h[0] + ":" + h[1])))}{(ContentType is null ? "" : " as " + ContentType)}{(Body is null ? "" : " body " + Body)}";
    }

    /// <summary>
    /// Hand-written requests the generated plan does not send, each to a function of <see cref="ProbeFunctions"/> at
    /// <c>/sf-probe</c> and its twin at <c>/twin-probe</c>; a probe that shows a documented difference names it.
    /// </summary>
    public static TheoryData<Probe> Probes() =>
    [
        // numbers in the invariant culture, as minimal APIs parse them
        new("GET", "/decimal?dec=1e3"), new("GET", "/decimal?dec=5-"), new("GET", "/decimal?dec=1,000.5"), new("GET", "/decimal?dec=(5)"),
        new("GET", "/decimal?dec=%205%20"), new("GET", "/decimal?dec=1,5"),
        new("GET", "/nullable-decimal?cost=1e3"), new("GET", "/nullable-decimal?cost=5-"), new("GET", "/decimal-array?prices=1e3&prices=2"),
        new("GET", "/double?dbl=1,000"), new("GET", "/double?dbl=1e3"), new("GET", "/double?dbl=Infinity"), new("GET", "/double?dbl=%E2%88%9E"),
        new("GET", "/double?dbl=NaN"), new("GET", "/double?dbl=1,5"), new("GET", "/double?dbl=0x10"),
        new("GET", "/int?num=1,000"), new("GET", "/int?num=%205%20"), new("GET", "/int?num=%2B5"), new("GET", "/int?num=2147483648"), new("GET", "/int?num=1e3"),
        new("GET", "/big?big=1,000"), new("GET", "/big?big=123456789012345678901234567890"), new("GET", "/big?big=1e3"),
        // Uri, TimeSpan, DateTimeOffset, bool, char, Guid, enums
        new("GET", "/uri?link=http%3A%2F%2Fexample.com%2Fa"), new("GET", "/uri?link=relative%2Fpath"), new("GET", "/uri?link="), new("GET", "/uri"),
        new("GET", "/uri?link=http%3A%2F%2F%5B%3A%3A1"), new("GET", "/nullable-uri"), new("GET", "/nullable-uri?maybeLink="),
        new("GET", "/nullable-uri?maybeLink=https%3A%2F%2Fexample.com%2F"), new("GET", "/route-uri/abc"), new("GET", "/route-uri/http%3A%2F%2Fx"),
        new("GET", "/uri-array?links=a&links=http%3A%2F%2Fexample.com%2F&links="), new("GET", "/uri-array"), new("GET", "/uri-array?links=http%3A%2F%2F%5B%3A%3A1"),
        new("GET", "/header-uri", [["X-Link", "http://example.com/"]]), new("GET", "/header-uri"), new("GET", "/header-uri", [["X-Link", "http://[::1"]]),
        new("POST", "/form-uri", ContentType: "application/x-www-form-urlencoded", Body: "target=%2Fa%2Fb"), new("POST", "/form-uri", ContentType: "application/x-www-form-urlencoded", Body: "target=http%3A%2F%2F%5B"),
        new("POST", "/form-uri", ContentType: "application/x-www-form-urlencoded", Body: "x=1"),
        new("GET", "/ip?address=127.0.0.1"), new("GET", "/ip?address=::1"), new("GET", "/ip?address=x"), new("GET", "/ip-network?network=10.0.0.0%2F8"),
        new("GET", "/header-date", [["X-When", "2024-01-02T03:04:05Z"]]), new("GET", "/header-date", [["X-When", "Tue, 02 Jan 2024 03:04:05 GMT"]]),
        new("GET", "/header-bool", [["X-On", "true"]]), new("GET", "/header-bool", [["X-On", ""]]), new("GET", "/header-bool"),
        new("GET", "/as-parameters-class"), new("GET", "/as-parameters-class?values=a&values=b&number=3", [["X-Alpha", "z"]]), new("GET", "/as-parameters-class?number="),
        new("POST", "/form-file-named", Multipart: true, Body: "doc"), new("POST", "/form-file-named", Multipart: true, Body: "document"),
        new("POST", "/form-files", Multipart: true, Body: "any"), new("POST", "/form-files", Documented: ExpectedDifferences.Probed.FormFiles.Readme), new("POST", "/form-files", ContentType: "application/json", Body: "{}"),
        new("POST", "/form-collection", ContentType: "application/x-www-form-urlencoded", Body: "a=1&b=2"), new("POST", "/form-collection", Documented: ExpectedDifferences.Probed.FormFiles.Readme),
        new("POST", "/form-collection", ContentType: "application/json", Body: "{}"),
        new("GET", "/int?NUM=5"), new("GET", "/int?num=5&NUM=6"),
        // ContentType: "application/json", Body: bodies with [FromBody]
        new("POST", "/body-order", ContentType: "application/json", Body: "{\"id\":1,\"name\":\"a\"}"), new("POST", "/body-order", ContentType: "application/json", Body: "{\"ID\":1,\"NAME\":\"a\"}"),
        new("POST", "/body-order", ContentType: "application/json", Body: "{\"id\":\"1\",\"name\":\"a\"}"), new("POST", "/body-order", ContentType: "application/json", Body: "{\"id\":1,\"name\":\"a\",}"),
        new("POST", "/body-order", ContentType: "application/json", Body: "null"), new("POST", "/body-order", ContentType: "application/json", Body: ""), new("POST", "/body-order", ContentType: "application/json", Body: "{\"id\":1}"),
        new("POST", "/body-order", ContentType: "application/json", Body: "{\"id\":1,\"name\":null}"), new("POST", "/body-order", ContentType: "application/json", Body: "{\"id\":1.5,\"name\":\"a\"}"),
        new("POST", "/body-order", ContentType: "application/json", Body: "{\"id\":1,\"name\":\"a\",\"id\":2}", Documented: ExpectedDifferences.Probed.DuplicateMember.Readme), new("POST", "/body-order", ContentType: "application/json", Body: "{\"id\":1,\"name\":\"a\"} x"),
        new("POST", "/body-order", ContentType: "text/plain", Body: "{\"id\":1,\"name\":\"a\"}"),
        new("POST", "/body-order", ContentType: "application/json; charset=iso-8859-1", Body: "{\"id\":1,\"name\":\"a\"}", Documented: ExpectedDifferences.Probed.Charset.Readme),
        new("POST", "/body-order", ContentType: "application/problem+json", Body: "{\"id\":1,\"name\":\"a\"}"),
        new("POST", "/body-order", ContentType: "application/x-www-form-urlencoded", Body: "id=1&name=a"),
        new("POST", "/body-order"),
        new("POST", "/body-nullable-order", ContentType: "application/json", Body: "null"), new("POST", "/body-nullable-order", ContentType: "application/json", Body: ""), new("POST", "/body-nullable-order"),
        new("POST", "/body-nullable-order", ContentType: "text/plain", Body: "x"),
        new("POST", "/body-ints", ContentType: "application/json", Body: "[1,2]"), new("POST", "/body-ints", ContentType: "application/json", Body: "[1,null]"), new("POST", "/body-ints", ContentType: "application/json", Body: "[\"1\"]"), new("POST", "/body-ints", ContentType: "application/json", Body: "1"),
        new("POST", "/body-string", ContentType: "application/json", Body: "\"hi\""), new("POST", "/body-string", ContentType: "application/json", Body: "5"), new("POST", "/body-string", ContentType: "application/json", Body: "null"),
        new("POST", "/body-map", ContentType: "application/json", Body: "{\"a\":1,\"A\":2}"), new("POST", "/body-map", ContentType: "application/json", Body: "{\"a\":\"1\"}"),
        // routes and query text
        new("GET", "/route-date/2024-01-02T03:04:05Z"), new("GET", "/route-date/2024-01-02"), new("GET", "/route-date/x"),
        new("GET", "/route-optional-int"), new("GET", "/route-optional-int/4"), new("GET", "/route-optional-int?slot=3"),
        new("GET", "/route-and-query/5?spot=6"),
        // binding attributes of the app's own, through ASP.NET Core's metadata interfaces or derived from theirs
        new("GET", "/custom-header", [["X-H", "5"]]), new("GET", "/custom-header?hdr=6"), new("GET", "/custom-header?hdr=6", [["X-H", "5"]]),
        new("POST", "/custom-query?q=5", ContentType: "application/json", Body: "{}"), new("POST", "/custom-query?q=5", ContentType: "application/json", Body: "{\"qry\":7}"),
        new("POST", "/derived-query?dq=5", ContentType: "application/json", Body: "{}"), new("POST", "/derived-query?dq=5", ContentType: "application/json", Body: "{\"dq\":7}"),
        new("GET", "/text?words=a+b"), new("GET", "/text?words=%FF"), new("GET", "/text?%77ords=x"), new("GET", "/text?words=a%00b"), new("GET", "/text?words"),
        new("GET", "/time-span?span=1.02:03:04"), new("GET", "/time-span?span=10"), new("GET", "/time-span?span=1:2"),
        new("GET", "/date-time-offset?moment=2024-01-01"), new("GET", "/date-time-offset?moment=2024-01-01T10:00:00%2B02:00"),
        new("GET", "/date-time-offset?moment=01/02/2024"),
        new("GET", "/bool?flag=True"), new("GET", "/bool?flag=TRUE"), new("GET", "/bool?flag=1"), new("GET", "/bool?flag=%20true%20"),
        new("GET", "/char?letter=ab"), new("GET", "/char?letter=%F0%9F%98%80"), new("GET", "/char?letter=%20"),
        new("GET", "/guid?id=%7B6F9619FF-8B86-D011-B42D-00CF4FC964FF%7D"), new("GET", "/guid?id=6F9619FF8B86D011B42D00CF4FC964FF"),
        new("GET", "/guid?id=(6F9619FF-8B86-D011-B42D-00CF4FC964FF)"), new("GET", "/guid?id=%206F9619FF-8B86-D011-B42D-00CF4FC964FF"),
        new("GET", "/enum?hue=green"), new("GET", "/enum?hue=%201"), new("GET", "/enum?hue=Red,Green"), new("GET", "/enum?hue=-1"), new("GET", "/enum?hue=1.0"),
        new("GET", "/flags?rights=read,write"), new("GET", "/flags?rights=Read%2C%20Write"), new("GET", "/flags?rights=Read%7CWrite"),
        // StringValues, headers
        new("GET", "/string-values?values=a&values=b"), new("GET", "/string-values?values="), new("GET", "/string-values"), new("GET", "/string-values?Values=x"),
        new("GET", "/header-string-values", [["X-Lines", "a, b"]]), new("GET", "/header-string-values", [["X-Lines", "a"], ["X-Lines", "b"]]),
        new("GET", "/header-string-values"),
        new("GET", "/header-int", [["X-Count", "5"]]), new("GET", "/header-int", [["X-Count", " 5 "]]), new("GET", "/header-int", [["X-Count", "1, 2"]]),
        new("GET", "/header-int", [["x-count", "5"]]), new("GET", "/header-int"), new("GET", "/header-int", [["X-Count", ""]]),
        new("GET", "/header-string", [["X-Word", "hi"]]), new("GET", "/header-string"), new("GET", "/header-string", [["X-Word", "a, b"]]),
        new("GET", "/header-strings", [["X-Tags", "\"a,b\", c"]]), new("GET", "/header-strings", [["X-Tags", "a,,b"]]), new("GET", "/header-strings"),
        // names, routes, optional values
        new("GET", "/query-named?q=a&q=b"), new("GET", "/query-named?terms=a"), new("GET", "/query-named?Q=a"),
        new("GET", "/route-named/5"), new("GET", "/route-named/x"),
        new("GET", "/nullable-date-only"), new("GET", "/nullable-date-only?day="), new("GET", "/nullable-date-only?day=2024-02-30"), new("GET", "/nullable-date-only?day=%202024-01-02"),
        new("GET", "/nullable-default"), new("GET", "/nullable-default?take="), new("GET", "/nullable-default?take=x"), new("GET", "/nullable-default?TAKE=3"),
        new("GET", "/time-only?clock=13:45"), new("GET", "/time-only?clock=1:45%20PM"), new("GET", "/time-only?clock=25:00"),
        // the request's own values and services
        new("GET", "/request"), new("GET", "/missing-service"), new("GET", "/optional-service"),
        // forms and files
        new("POST", "/form-file", ContentType: "application/x-www-form-urlencoded", Body: "a=b"), new("POST", "/form-file", Multipart: true, Body: "upload"),
        new("POST", "/form-file", Multipart: true, Body: "other"), new("POST", "/form-file", Multipart: true, Body: "UPLOAD"),
        new("POST", "/nullable-form-file", ContentType: "application/x-www-form-urlencoded", Body: "a=b", Documented: ExpectedDifferences.Probed.FormFiles.Readme), new("POST", "/nullable-form-file", Documented: ExpectedDifferences.Probed.FormFiles.Readme),
        new("POST", "/nullable-form-file", Multipart: true, Body: "attachment"),
        new("POST", "/form-strings", ContentType: "application/x-www-form-urlencoded", Body: "labels=a&labels=&labels=b"),
        new("POST", "/form-strings", ContentType: "application/x-www-form-urlencoded", Body: "x=1"),
        new("POST", "/form-double", ContentType: "application/x-www-form-urlencoded", Body: "amount=1,000"),
        new("POST", "/form-double", ContentType: "application/x-www-form-urlencoded", Body: "amount=1e3"),
        new("POST", "/form-decimal", ContentType: "application/x-www-form-urlencoded", Body: "price=1e3"),
        new("POST", "/form-decimal", ContentType: "application/x-www-form-urlencoded", Body: "price=5-"),
        // [AsParameters] and [FromForm] records with defaults on constructor parameters
        new("GET", "/as-parameters-record"), new("GET", "/as-parameters-record?limit=3&word=x&day=2024-01-02"), new("GET", "/as-parameters-record?limit="),
        new("POST", "/form-defaults", ContentType: "application/x-www-form-urlencoded", Body: "id=1"),
        new("POST", "/form-defaults", ContentType: "application/x-www-form-urlencoded", Body: "id=1&label=x"),
        new("POST", "/form-defaults", ContentType: "application/x-www-form-urlencoded", Body: "label=x"),
    ];

    [Theory]
    [MemberData(nameof(Probes))]
    public async Task A_probe_gets_the_same_answer_from_both_unless_a_documented_difference_says_otherwise(Probe probe)
    {
        var server = await SendProbeAsync(probe, "/sf-probe");
        var twin = await SendProbeAsync(probe, "/twin-probe");
        output.WriteLine($"server function: {server}");
        output.WriteLine($"minimal API:     {twin}");
        var agree = server.Status / 100 == twin.Status / 100 && (server.Status / 100 != 5 || server.Status == twin.Status) && (server.Status / 100 != 2 || server.Body == twin.Body);
        if (probe.Documented is { } difference)
        {
            Assert.False(agree, $"{probe}: both answer {server}; the documented difference '{difference}' is gone: revise the README and ExpectedDifferences");
            return;
        }

        Assert.True(agree, $"{probe}\n  server function: {server}\n  minimal API:     {twin}");
    }

    [Fact]
    public void The_expected_differences_are_the_readme_list_bullet_for_bullet()
    {
        var lines = File.ReadAllLines(Path.Combine(SessionAuth.Testing.RepositoryRoot.Path, "README.md"));
        var start = Array.IndexOf(lines, "Where server functions differ from minimal APIs, on purpose:");
        Assert.True(start > 0, "README.md has no list of differences");
        var bullets = new List<string>();
        for (var i = start + 2; i < lines.Length && (lines[i].StartsWith("- ", StringComparison.Ordinal) || lines[i].StartsWith("  ", StringComparison.Ordinal)); i++)
        {
            if (lines[i].StartsWith("- ", StringComparison.Ordinal))
            {
                bullets.Add(lines[i][2..]);
            }
            else
            {
                bullets[^1] += " " + lines[i].Trim();
            }
        }

        var keys = ExpectedDifferences.Documented.Concat(ExpectedDifferences.Probed.All).Select(d => d.Readme).Concat(ExpectedDifferences.NotSent.Keys).Distinct().ToList();
        var unmatched = keys.Where(k => bullets.Count(b => b.StartsWith(k, StringComparison.Ordinal)) != 1).ToList();
        Assert.True(unmatched.Count == 0, "these expected differences name no one README bullet:\n" + string.Join("\n", unmatched));
        var unlisted = bullets.Where(b => !keys.Any(k => b.StartsWith(k, StringComparison.Ordinal))).ToList();
        Assert.True(unlisted.Count == 0, "these README differences are not in ExpectedDifferences:\n" + string.Join("\n", unlisted));
    }

    [Fact]
    public void Server_functions_answer_as_their_minimal_api_twins_do() =>
        RandomPlan.Sample(
            random => CompareAsync([.. FixedPlan(), .. random]).GetAwaiter().GetResult(),
            iter: 1,
            threads: 1,
            print: random => $"{random.Length} random requests");

    private async Task CompareAsync(IReadOnlyList<DifferentialRequest> requests)
    {
        var disagreements = new ConcurrentBag<(DifferentialRequest Request, Answer Server, Answer Twin)>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, _) =>
        {
            var server = await SendAsync(request.Build(twin: false));
            var twin = await SendAsync(request.Build(twin: true));
            if (!server.AgreesWith(twin))
            {
                disagreements.Add((request, server, twin));
            }
        });

        // SESSIONAUTH_DIFFERENTIAL_DUMP=<file> writes every disagreement with its tags, for sorting them into the lists.
        if (Environment.GetEnvironmentVariable("SESSIONAUTH_DIFFERENTIAL_DUMP") is { Length: > 0 } dump)
        {
            await File.WriteAllLinesAsync(dump, disagreements.Select(d => $"{d.Request.Function.Name}\t{string.Join(" ", d.Request.Tags)}\t{d.Request}\t{d.Server}\t{d.Twin}"), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false));
        }

        var excusers = ExpectedDifferences.Documented.Concat(KnownFailures.Bindings).ToList();
        var used = new HashSet<Difference>();
        var unexpected = new List<string>();
        foreach (var (request, _, _) in disagreements)
        {
            used.UnionWith(excusers.Where(e => e.Excuses(request)));
        }

        foreach (var group in disagreements.GroupBy(d => (d.Request.Function.Name, Excuser: excusers.FirstOrDefault(e => e.Excuses(d.Request)))).OrderBy(g => g.Key.Name, StringComparer.Ordinal))
        {
            var examples = group.Take(3).Select(d => $"    {d.Request}\n      tags: {string.Join(" ", d.Request.Tags)}\n      server function: {d.Server}\n      minimal API:     {d.Twin}");
            var text = $"{group.Key.Name}: {group.Count()} requests\n{string.Join("\n", examples)}";
            if (group.Key.Excuser is { } excuser)
            {
                output.WriteLine($"excused by {excuser}\n{text}");
            }
            else
            {
                unexpected.Add(text);
            }
        }

        output.WriteLine($"{requests.Count} requests to {DifferentialFunction.All.Count} functions, {disagreements.Count} disagreements.");
        Assert.True(unexpected.Count == 0, "server functions and their minimal API twins disagree (not in ExpectedDifferences or KnownFailures.Bindings):\n" + string.Join("\n", unexpected));
        var stale = excusers.Where(e => !used.Contains(e)).ToList();
        Assert.True(stale.Count == 0, "these expected differences were not seen; remove them (and revise the README if documented):\n" + string.Join("\n", stale));
    }

    private async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await fixture.Client.SendAsync(request);
            return new Answer((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>What one side answered.</summary>
    private sealed record Answer(int Status, string Body)
    {
        public bool AgreesWith(Answer other) =>
            Status / 100 == other.Status / 100 && Status < 500 && other.Status < 500 && (Status / 100 != 2 || Body == other.Body);

        public override string ToString() => $"{Status} {(Body.Length > 300 ? Body[..300] + "..." : Body)}";
    }

    /// <summary>
    /// The requests every run sends: canonical values through every transport, every parameter missing at once, each
    /// parameter missing, empty and repeated, then each parameter given every edge case of its type and every junk text (through the first transport).
    /// </summary>
    private static IEnumerable<DifferentialRequest> FixedPlan()
    {
        foreach (var function in DifferentialFunction.All)
        {
            var canonical = function.Parameters.Select(p => p.Wire is Wire.JsonBody or Wire.Service ? null : new[] { Canonical(p.Type) }).ToArray();
            foreach (var transport in Transports(function))
            {
                foreach (var body in Bodies(function))
                {
                    yield return new DifferentialRequest(function, WithBody(function, canonical, body), transport, body);
                    if (function.Parameters.Count > 1)
                    {
                        // Every value missing at once: a [FromForm] complex type with none of its fields, for one.
                        yield return new DifferentialRequest(function, WithBody(function, new string[]?[function.Parameters.Count], body), transport, body);
                    }

                    for (var i = 0; i < function.Parameters.Count; i++)
                    {
                        if (function.Parameters[i].Wire is Wire.JsonBody or Wire.Service)
                        {
                            continue;
                        }

                        yield return new DifferentialRequest(function, WithBody(function, With(canonical, i, null), body), transport, body);
                        yield return new DifferentialRequest(function, WithBody(function, With(canonical, i, [""]), body), transport, body);
                        if (function.Parameters[i].Wire != Wire.Route && (function.Parameters[i].Wire != Wire.Header || function.Parameters[i].Type.IsArray))
                        {
                            var value = canonical[i]![0];
                            yield return new DifferentialRequest(function, WithBody(function, With(canonical, i, [value, value]), body), transport, body);
                        }
                    }
                }
            }

            var first = Transports(function)[0];
            var firstBody = Bodies(function)[0];
            for (var i = 0; i < function.Parameters.Count; i++)
            {
                var parameter = function.Parameters[i];
                if (parameter.Wire is Wire.JsonBody or Wire.Service)
                {
                    continue;
                }

                foreach (var text in RequestValues.Fixed(parameter.Type).Where(t => parameter.Wire != Wire.Header || t.All(c => c is >= ' ' and <= '~')))
                {
                    yield return new DifferentialRequest(function, WithBody(function, With(canonical, i, [text]), firstBody), first, firstBody);
                }
            }
        }
    }

    private static string[]?[] With(string[]?[] values, int index, string[]? value)
    {
        var copy = (string[]?[])values.Clone();
        copy[index] = value;
        return copy;
    }

    private static string[]?[] WithBody(DifferentialFunction function, string[]?[] values, string? body)
    {
        var copy = (string[]?[])values.Clone();
        for (var i = 0; i < function.Parameters.Count; i++)
        {
            if (function.Parameters[i].Wire == Wire.JsonBody)
            {
                copy[i] = body is null ? null : [body];
            }
        }

        return copy;
    }

    private static Transport[] Transports(DifferentialFunction function) =>
        function.Parameters.Any(p => p.Wire == Wire.Simple) ? [Transport.Query, Transport.Json, Transport.UrlEncodedForm, Transport.MultipartForm]
        : function.Parameters.Any(p => p.Wire == Wire.Form) ? [Transport.UrlEncodedForm, Transport.MultipartForm, Transport.Json]
        : function.Parameters.Any(p => p.Wire == Wire.JsonBody) ? [Transport.Json]
        : [Transport.None];

    private static string?[] Bodies(DifferentialFunction function) =>
        function.Parameters.FirstOrDefault(p => p.Wire == Wire.JsonBody) is { } body
            ? ["{\"id\":7,\"name\":\"seven\"}", $"{{\"{body.Name}\":{{\"id\":7,\"name\":\"seven\"}}}}", null]
            : [null];

    private static string Canonical(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        var valueType = Nullable.GetUnderlyingType(element) ?? element;
        return valueType switch
        {
            _ when valueType == typeof(double) || valueType == typeof(float) || valueType == typeof(decimal) || valueType == typeof(Half) => "2.5",
            _ when valueType == typeof(bool) => "true",
            _ when valueType == typeof(char) => "x",
            _ when valueType == typeof(Guid) => "7d5c2a59-8a1e-4b43-9d5e-0c2d6c1f9a10",
            _ when valueType == typeof(DateTime) => "2024-05-06T07:08:09",
            _ when valueType == typeof(DateTimeOffset) => "2024-05-06T07:08:09+02:00",
            _ when valueType == typeof(DateOnly) => "2024-05-06",
            _ when valueType == typeof(TimeOnly) => "07:08",
            _ when valueType == typeof(TimeSpan) => "01:02:03",
            _ when valueType == typeof(string) => "text",
            _ when valueType == typeof(Color) => "Green",
            _ when valueType == typeof(Access) => "Read",
            _ when valueType == typeof(Version) => "1.2.3",
            _ => "7",
        };
    }

    /// <summary>Random requests to random functions: each parameter missing, once or twice, through a random transport.</summary>
    private static readonly Gen<DifferentialRequest[]> RandomPlan =
        (from index in Gen.Int[0, DifferentialFunction.All.Count - 1]
         from request in RandomRequest(DifferentialFunction.All[index])
         select request).Array[RandomRequests];

    private static Gen<DifferentialRequest> RandomRequest(DifferentialFunction function)
    {
        var values = Gen.Const(ImmutableList<string[]?>.Empty);
        foreach (var parameter in function.Parameters)
        {
            if (parameter.Wire == Wire.Service)
            {
                values = from list in values select list.Add(null);
                continue;
            }

            var one = parameter.Wire == Wire.JsonBody ? RequestValues.OrderBody(parameter.Name) : RequestValues.For(parameter.Type);
            if (parameter.Wire == Wire.Header)
            {
                // HttpClient sends printable ASCII header values only.
                one = one.Where(v => v.All(c => c is >= ' ' and <= '~'));
            }

            // A header's values travel on one line, joined by commas (HttpClient joins them so); an array takes them all.
            var many = parameter.Wire is Wire.Route or Wire.JsonBody || (parameter.Wire == Wire.Header && !parameter.Type.IsArray) ? one.Select(v => new[] { v }) : Gen.Frequency(
                (6, one.Select(v => new[] { v })),
                (1, from a in one from b in one select new[] { a, b }));
            var value = Gen.Frequency((1, Gen.Const((string[]?)null)), (7, many.Select(v => (string[]?)v)));
            values = from list in values from v in value select list.Add(v);
        }

        return from list in values
               from transport in Gen.OneOf(Transports(function).Select(Gen.Const).ToArray())
               let body = function.Parameters.Select((p, i) => p.Wire == Wire.JsonBody ? list[i]?[0] : null).FirstOrDefault(b => b is not null)
               select new DifferentialRequest(function, [.. list], transport, body);
    }

    private async Task<(int Status, string Body)> SendProbeAsync(Probe probe, string prefix)
    {
        using var request = new HttpRequestMessage(new HttpMethod(probe.Verb), prefix + probe.PathAndQuery);
        foreach (var header in probe.Headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(header[0], header[1]);
        }

        if (probe.Multipart)
        {
            var content = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("file content"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            content.Add(file, probe.Body!, "upload.txt");
            request.Content = content;
        }
        else if (probe.Body is not null)
        {
            request.Content = new StringContent(probe.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(probe.ContentType!);
        }

        using var response = await fixture.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, (int)response.StatusCode / 100 == 2 ? body : body.Length > 200 ? body[..200] : body);
    }
}
