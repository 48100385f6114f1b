using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Reflection;
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
}
