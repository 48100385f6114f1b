using System.Text;
using System.Xml.Linq;

namespace SessionAuth.Benchmarks.Scale;

/// <summary>
/// Writes the same N endpoints twice: as SessionAuth server functions, and as minimal API lambdas for ASP.NET Core's
/// Request Delegate Generator (the peer doing similar work). Ten kinds of endpoint repeat, so every N mixes guards
/// (session required, anonymous), binding kinds (session data, the session, JSON body, query with a default, nullable
/// and enum values, route values, services, the request's context and cancellation token) and results (values, tasks
/// of values, ValueTask, nothing, Task, IResult, typed result unions); each module of 50 functions has its own record
/// type, so types vary as they do in a real project.
/// </summary>
internal static class SyntheticProjects
{
    public const int FunctionsPerModule = 50;

    public const string UnrelatedFile = "Unrelated.cs";

    public static string UnrelatedSource(int edit) => $$"""
        namespace Synthetic;

        public static class Unrelated
        {
            public static int Answer() => {{edit}};
        }
        """;

    public static IEnumerable<(string Name, string Text)> ServerFunctionSources(int count)
    {
        yield return ("Program.cs", """
            using SessionAuth;
            using Synthetic;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSessionAuth<UserSession>(o => o.Password = builder.Configuration["SessionAuth:Password"]);
            #if WITH_OPENAPI
            builder.Services.AddOpenApi(options => options.AddSessionAuth());
            #endif
            var app = builder.Build();
            app.UseSessionAuth();
            #if WITH_GENERATOR
            app.MapServerFunctions();
            #endif
            #if WITH_OPENAPI
            app.MapOpenApi().AllowAnonymous();
            #endif
            app.Run();
            """);
        yield return ("Types.cs", """
            using SessionAuth;

            namespace Synthetic;

            [SessionData]
            public sealed record UserSession(int UserId, string Name);

            public enum Color { Red, Green, Blue }
            """);
        yield return (UnrelatedFile, UnrelatedSource(0));
        foreach (var (module, first, last) in Modules(count))
        {
            var text = new StringBuilder($$"""
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Http.HttpResults;
                using Microsoft.AspNetCore.Mvc;
                using SessionAuth;

                namespace Synthetic;

                public sealed record Item{{module}}(int Id, string Name);

                public static class Module{{module}}
                {

                """);
            var item = $"Item{module}";
            for (var i = first; i < last; i++)
            {
                text.Append((i % 10) switch
                {
                    0 => $"    [ServerFunction, RequireSession]\n    public static int F{i}(UserSession user, int quantity) => user.UserId + quantity;\n\n",
                    1 => $"    [ServerFunction(Method = \"GET\"), AllowAnonymous]\n    public static string F{i}(string query, int page = 1) => query + page;\n\n",
                    2 => $"    [ServerFunction(\"m{module}/f{i}/{{id}}\", Method = \"GET\"), RequireSession]\n    public static Task<{item}> F{i}(int id, Session<UserSession> session) => Task.FromResult(new {item}(id, session.Data!.Name));\n\n",
                    3 => $"    [ServerFunction, RequireSession]\n    public static {item} F{i}({item} item) => item;\n\n",
                    4 => $"    [ServerFunction, AllowAnonymous]\n    public static IResult F{i}(HttpContext context, [FromServices] TimeProvider clock) => Results.Ok(clock.GetUtcNow());\n\n",
                    5 => $"    [ServerFunction(Method = \"GET\"), RequireSession]\n    public static {item}[] F{i}(Color color, string? search, UserSession user, CancellationToken cancellationToken) => [new(user.UserId, $\"{{color}} {{search}}\")];\n\n",
                    6 => $"    [ServerFunction, RequireSession]\n    public static void F{i}(Guid id, UserSession user) {{ }}\n\n",
                    7 => $"    [ServerFunction(Method = \"GET\"), AllowAnonymous]\n    public static ValueTask<int> F{i}(int? year, DateOnly? from) => ValueTask.FromResult(year ?? from?.Year ?? 0);\n\n",
                    8 => $"    [ServerFunction, RequireSession]\n    public static async Task F{i}({item} item, Session<UserSession> session) => await Task.Yield();\n\n",
                    _ => $"    [ServerFunction(\"m{module}/f{i}/{{id}}\", Method = \"GET\"), RequireSession]\n    public static Results<Ok<{item}>, NotFound> F{i}(long id, UserSession user) => id > 0 ? TypedResults.Ok(new {item}((int)id, user.Name)) : TypedResults.NotFound();\n\n",
                });
            }

            text.Append("}\n");
            yield return ($"Module{module}.cs", text.ToString());
        }
    }

    public static IEnumerable<(string Name, string Text)> MinimalApiSources(int count)
    {
        var maps = new StringBuilder();
        foreach (var (module, _, _) in Modules(count))
        {
            maps.Append($"Module{module}.Map(app);\n");
        }

        yield return ("Program.cs", $$"""
            using Synthetic;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddCookie();
            builder.Services.AddAuthorization();
            #if WITH_OPENAPI
            builder.Services.AddOpenApi();
            #endif
            var app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            {{maps}}
            #if WITH_OPENAPI
            app.MapOpenApi().AllowAnonymous();
            #endif
            app.Run();
            """);
        yield return ("Types.cs", """
            namespace Synthetic;

            public sealed record Quantity(int Value);

            public enum Color { Red, Green, Blue }
            """);
        yield return (UnrelatedFile, UnrelatedSource(0));
        foreach (var (module, first, last) in Modules(count))
        {
            var text = new StringBuilder($$"""
                using System.Security.Claims;
                using Microsoft.AspNetCore.Http.HttpResults;
                using Microsoft.AspNetCore.Mvc;

                namespace Synthetic;

                public sealed record Item{{module}}(int Id, string Name);

                public static class Module{{module}}
                {
                    public static void Map(IEndpointRouteBuilder app)
                    {

                """);
            var item = $"Item{module}";
            for (var i = first; i < last; i++)
            {
                text.Append((i % 10) switch
                {
                    0 => $"        app.MapPost(\"/m{module}/f{i}\", (ClaimsPrincipal user, [FromBody] Quantity body) => body.Value).RequireAuthorization();\n",
                    1 => $"        app.MapGet(\"/m{module}/f{i}\", (string query, int page = 1) => query + page).AllowAnonymous();\n",
                    2 => $"        app.MapGet(\"/m{module}/f{i}/{{id}}\", (int id, ClaimsPrincipal user) => Task.FromResult(new {item}(id, user.Identity!.Name!))).RequireAuthorization();\n",
                    3 => $"        app.MapPost(\"/m{module}/f{i}\", ({item} item) => item).RequireAuthorization();\n",
                    4 => $"        app.MapPost(\"/m{module}/f{i}\", (HttpContext context, [FromServices] TimeProvider clock) => Results.Ok(clock.GetUtcNow())).AllowAnonymous();\n",
                    5 => $"        app.MapGet(\"/m{module}/f{i}\", (Color color, string? search, ClaimsPrincipal user, CancellationToken cancellationToken) => new {item}[] {{ new(0, $\"{{color}} {{search}}\") }}).RequireAuthorization();\n",
                    6 => $"        app.MapPost(\"/m{module}/f{i}\", (Guid id, ClaimsPrincipal user) => {{ }}).RequireAuthorization();\n",
                    7 => $"        app.MapGet(\"/m{module}/f{i}\", (int? year, DateOnly? from) => ValueTask.FromResult(year ?? from?.Year ?? 0)).AllowAnonymous();\n",
                    8 => $"        app.MapPost(\"/m{module}/f{i}\", async ({item} item, ClaimsPrincipal user) => await Task.Yield()).RequireAuthorization();\n",
                    _ => $"        app.MapGet(\"/m{module}/f{i}/{{id}}\", Results<Ok<{item}>, NotFound> (long id, ClaimsPrincipal user) => id > 0 ? TypedResults.Ok(new {item}((int)id, user.Identity!.Name!)) : TypedResults.NotFound()).RequireAuthorization();\n",
                });
            }

            text.Append("    }\n}\n");
            yield return ($"Module{module}.cs", text.ToString());
        }
    }

    /// <summary>
    /// Writes both projects for <paramref name="count"/> endpoints under <paramref name="directory"/>. Built with
    /// <c>-p:WithOpenApi=true</c> they also serve an OpenAPI document (<c>AddOpenApi</c> + <c>MapOpenApi</c>, and
    /// <c>AddSessionAuth()</c> on the options for server functions), with the framework's package referenced as an app
    /// that calls <c>AddOpenApi()</c> references it; without it they are what the build timings have always compiled.
    /// </summary>
    public static void Write(string directory, int count, string runtimeAssembly, string generatorAssembly)
    {
        // Shields the synthetic projects from the repository's Directory.*.props (warnings as errors, central versions).
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");

        // The package at the version the runtime was built against. A commit from before SessionAuth described itself
        // to OpenAPI pins none (scale.sh measures such commits' builds): its projects get no OpenAPI variant.
        var openApiVersion = CentralPackageVersion(runtimeAssembly, "Microsoft.AspNetCore.OpenApi");
        var openApi = openApiVersion is null ? "" : $$"""
              <PropertyGroup Condition="'$(WithOpenApi)' == 'true'">
                <DefineConstants>$(DefineConstants);WITH_OPENAPI</DefineConstants>
              </PropertyGroup>
              <ItemGroup Condition="'$(WithOpenApi)' == 'true'">
                <PackageReference Include="Microsoft.AspNetCore.OpenApi" Version="{{openApiVersion}}" />
              </ItemGroup>
            """;

        WriteProject(Path.Combine(directory, "serverfunctions"), ServerFunctionSources(count), $$"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <PropertyGroup Condition="'$(WithGenerator)' != 'false'">
                <DefineConstants>$(DefineConstants);WITH_GENERATOR</DefineConstants>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="SessionAuth" HintPath="{{runtimeAssembly}}" />
                <Analyzer Include="{{generatorAssembly}}" Condition="'$(WithGenerator)' != 'false'" />
              </ItemGroup>
            {{openApi}}
            </Project>
            """);
        WriteProject(Path.Combine(directory, "minimalapis"), MinimalApiSources(count), $$"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <EnableRequestDelegateGenerator Condition="'$(WithGenerator)' != 'false'">true</EnableRequestDelegateGenerator>
              </PropertyGroup>
            {{openApi}}
            </Project>
            """);
    }

    /// <summary>The version the repository around <paramref name="assembly"/> pins for a package, if it pins one.</summary>
    private static string? CentralPackageVersion(string assembly, string package)
    {
        for (var directory = Path.GetDirectoryName(Path.GetFullPath(assembly)); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var props = Path.Combine(directory, "Directory.Packages.props");
            if (File.Exists(props))
            {
                return XDocument.Load(props).Descendants("PackageVersion")
                    .FirstOrDefault(version => (string?)version.Attribute("Include") == package)?.Attribute("Version")?.Value;
            }
        }

        return null;
    }

    private static void WriteProject(string directory, IEnumerable<(string Name, string Text)> sources, string project)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, Path.GetFileName(directory) + ".csproj"), project);
        foreach (var (name, text) in sources)
        {
            File.WriteAllText(Path.Combine(directory, name), text);
        }
    }

    private static IEnumerable<(int Module, int First, int Last)> Modules(int count)
    {
        for (var first = 0; first < count; first += FunctionsPerModule)
        {
            yield return (first / FunctionsPerModule, first, Math.Min(first + FunctionsPerModule, count));
        }
    }
}
