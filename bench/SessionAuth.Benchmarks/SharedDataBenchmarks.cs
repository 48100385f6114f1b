using System.Collections.Immutable;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SessionAuth.Infrastructure;

namespace SessionAuth.Benchmarks;

/// <summary>
/// The valid-cookie guard of <see cref="GuardBenchmarks"/> for two session types carrying the same data: one with a
/// <c>string[]</c> of roles, read from JSON on every request, and one with an <c>ImmutableArray</c>, which the generator
/// declares immutable so that requests with the same cookie share one object (declared by hand here: this project has
/// no generator).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class SharedDataBenchmarks
{
    private GuardedApp<BenchSession> _mutable = null!;
    private GuardedApp<ImmutableBenchSession> _immutable = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        ImmutableSessionData.Declare<ImmutableBenchSession>();
        _mutable = await GuardedApp<BenchSession>.StartAsync(new("u-1024", "Hermione Granger", ["student", "prefect"]));
        _immutable = await GuardedApp<ImmutableBenchSession>.StartAsync(new("u-1024", "Hermione Granger", ["student", "prefect"]));
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _mutable.DisposeAsync();
        await _immutable.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "valid cookie, string[] roles (read from JSON per request)")]
    public Task<bool> Mutable() => _mutable.RequestAsync();

    [Benchmark(Description = "valid cookie, ImmutableArray roles (shared between requests)")]
    public Task<bool> Immutable() => _immutable.RequestAsync();

    private sealed class GuardedApp<T> : IAsyncDisposable
        where T : class
    {
        private readonly WebApplication _app;
        private readonly IHttpContextFactory _contexts;
        private readonly RequestDelegate _endpoint;
        private string _cookie = null!;
        private bool _admitted;

        private GuardedApp(WebApplication app)
        {
            _app = app;
            _contexts = app.Services.GetRequiredService<IHttpContextFactory>();
            _endpoint = ServerFunctionEndpoint.RequireSession<T>(app.Services, ServerFunctionSteps.None, redirectTo: null, (_, _, _, data) =>
            {
                _admitted = data is not null;
                return Task.CompletedTask;
            });
        }

        public static async Task<GuardedApp<T>> StartAsync(T data)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, SharedDataJsonContext.Default));
            builder.Services.AddSessionAuth<T>(o => o.Password = "benchmark-password-of-at-least-32-characters");
            var app = new GuardedApp<T>(builder.Build());
            var sessions = ServerFunctionServices.GetSessionManager<T>(app._app.Services);
            app._cookie = await BenchRequests.CaptureCookieAsync(app._contexts, async context => await (await sessions.GetSessionAsync(context)).UpdateAsync(data));
            if (!await app.RequestAsync())
            {
                throw new InvalidOperationException($"The guard did not admit a valid {typeof(T).Name} cookie.");
            }

            return app;
        }

        public async Task<bool> RequestAsync()
        {
            var context = BenchRequests.Create(_contexts, _cookie);
            _admitted = false;
            await _endpoint(context);
            _contexts.Dispose(context);
            return _admitted;
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }
}

/// <summary><see cref="BenchSession"/> with its roles in an immutable array: nothing can change it once it is read.</summary>
public sealed record ImmutableBenchSession(string UserId, string Name, ImmutableArray<string> Roles);

[JsonSerializable(typeof(BenchSession))]
[JsonSerializable(typeof(ImmutableBenchSession))]
internal sealed partial class SharedDataJsonContext : JsonSerializerContext;
