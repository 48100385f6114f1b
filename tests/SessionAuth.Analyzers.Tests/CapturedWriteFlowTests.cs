using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 for locals a lambda or local function of the body writes: after a call of the local function (directly or
/// through another one), or anywhere after the lambda or a delegate of the local function is made, the local may hold
/// anything, so a guard known before does not decide an endpoint mapped through it.
/// </summary>
public sealed class CapturedWriteFlowTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    // A local function that replaces a captured group, called before the endpoint is mapped.

    [Fact]
    public Task A_local_function_that_replaces_a_captured_group_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var api = app.MapGroup("/api").RequireAuthorization();
                void UseVersion2() => api = app.MapGroup("/v2");
                UseVersion2();
                api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    // A catch block runs when its try throws; the group it makes is the one the endpoint is mapped on.

    [Fact]
    public Task A_lambda_that_replaces_a_captured_group_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var api = app.MapGroup("/api").RequireAuthorization();
                Action useVersion2 = () => api = app.MapGroup("/v2");
                useVersion2();
                api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    [Fact]
    public Task A_local_function_that_replaces_a_captured_group_through_another_one_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var api = app.MapGroup("/api").RequireAuthorization();
                void Replace() => api = app.MapGroup("/v2");
                void Configure() => Replace();
                Configure();
                api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    [Fact]
    public Task A_local_function_passed_as_a_delegate_that_replaces_a_captured_group_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, Action<Action> later)
            {
                var api = app.MapGroup("/api").RequireAuthorization();
                void UseVersion2() => api = app.MapGroup("/v2");
                later(UseVersion2);
                api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    [Fact]
    public Task A_local_function_that_only_reads_the_captured_group_keeps_its_guard() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var api = app.MapGroup("/api").RequireAuthorization();
                void Describe() => api.WithTags("orders");
                Describe();
                api.MapGet("/orders", () => "orders");
            }
        }
        """);
}
