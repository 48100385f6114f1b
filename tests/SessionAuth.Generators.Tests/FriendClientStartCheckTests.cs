using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Generators.Model;
using SessionAuth.Generators.Parsing;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// The start-up checks of an app's client (the declared JSON of each type, the client's guess of each parameter DI or the
/// JSON body answers) cover every function the client offers, against the app's JSON options and services: the app's
/// own, a library's whose internals it sees, and a far library's that only that library sees (Core → Functions → App).
/// Each assembly's entry method registers its own lists, since only its code can name its internal types. The apps run
/// on Kestrel, their client in node.
/// </summary>
public sealed class FriendClientStartCheckTests
{
    /// <summary>Where a type or function lives, seen from the app: the namespace, the declaring type's client object, and the assembly named in a message.</summary>
    public enum Location
    {
        Own,
        Friend,
        FarFriend,
    }

    /// <summary>
    /// Each assembly's types and functions: a record whose JSON each knob below changes (a name of two words, a nullable
    /// property, a <c>DateOnly</c>, an enum written as a number), a record the client sends as JSON, and a class derived
    /// from a framework class, which the client leaves to DI.
    /// </summary>
    private static string Source(string name, string type, string route, string prologue) => $$"""
        {{prologue}}

        namespace {{name}}
        {
            public enum Tier { Basic, Premium }

            public sealed record Line(string DisplayName, string? Note, System.DateOnly ValidFrom, Tier Tier);

            public sealed record Ping(string Text);

            public sealed class Clock : System.TimeProvider { }

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class {{type}}
            {
                [SessionAuth.ServerFunction("/{{route}}/line")] public static Line Get() => new("Standard", null, new System.DateOnly(2026, 1, 1), Tier.Premium);

                [SessionAuth.ServerFunction("/{{route}}/quote")] public static int Quote(Ping ping, Clock clock) => ping.Text.Length;
            }
        }
        """;

    private const string Startup = """
        namespace Shop.App
        {
            public static class Startup
            {
                public static void Map(Microsoft.AspNetCore.Builder.WebApplication app)
                {
                    app.MapServerFunctions();
                    SessionAuth.ServerFunctionClientEndpointRouteBuilderExtensions.MapServerFunctionClient(app);
                }
            }
        }
        """;

    /// <summary>Core → Functions → App: App sees Functions' internals only, and maps Core's functions through Functions' entry method.</summary>
    private static readonly Lazy<byte[][]> Chain = new(static () =>
    {
        var core = FriendAssemblyCompiler.Compile("Shop.Core", Source("Shop.Core", "Prices", "prices", "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Shop.Functions\")]"), []);
        var functions = FriendAssemblyCompiler.Compile("Shop.Functions", Source("Shop.Functions", "Orders", "orders", "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Shop.App\")]"), [core.Image!]);
        var app = FriendAssemblyCompiler.Compile("Shop.App", Source("Shop.App", "Carts", "carts", string.Empty) + Startup, [core.Image!, functions.Image!]);
        foreach (var (name, problems) in new[] { ("Shop.Core", core.Problems), ("Shop.Functions", functions.Problems), ("Shop.App", app.Problems) })
        {
            Assert.True(problems.Count == 0, name + " does not compile cleanly:\n" + string.Join("\n", problems));
        }

        return [core.Bytes!, functions.Bytes!, app.Bytes!];
    });

    private static string Namespace(Location location) => location switch
    {
        Location.Own => "Shop.App",
        Location.Friend => "Shop.Functions",
        _ => "Shop.Core",
    };

    /// <summary>How the message names the client function <c>quote</c> of <paramref name="location"/>: another assembly's with that assembly.</summary>
    private static string Quote(Location location, string parameter) => location switch
    {
        Location.Own => $"Carts.quote({parameter}):",
        Location.Friend => $"Orders.quote({parameter}) of Shop.Functions:",
        _ => $"Prices.quote({parameter}) of Shop.Core:",
    };

    /// <summary>
    /// Each JSON knob that changes what the server writes of a type the client declares, on the app's options, with the
    /// type in the app, in a library it sees, and in a library only that library sees: the start fails, naming the type
    /// (or its property) where it lives. Before, only the app's own types were checked, and the app started with a
    /// client that read wrong names from the libraries' functions.
    /// </summary>
    public static TheoryData<string, Location, string> KnobsByLocation()
    {
        (string Knob, string Named)[] knobs =
        [
            ("PropertyNamingPolicy = SnakeCaseLower", "Line:"),
            ("Converters: a converter of a property's type", "Line.validFrom:"),
            ("DefaultIgnoreCondition = WhenWritingNull", "Line.note:"),
            ("Converters: JsonStringEnumConverter", "Tier:"),
        ];
        var rows = new TheoryData<string, Location, string>();
        foreach (var (knob, named) in knobs)
        {
            foreach (var location in Enum.GetValues<Location>())
            {
                rows.Add(knob, location, named);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(KnobsByLocation))]
    public async Task A_JSON_option_that_changes_a_type_the_client_declares_fails_the_start_wherever_the_type_lives(string knob, Location location, string named)
    {
        var error = await StartAsync(Chain.Value, options => Turn(options, knob), RegisterEveryClock);

        Assert.True(error is not null, $"{knob}: the app starts though its JSON differs from what the client declares of {Namespace(location)}");
        Assert.Contains($"{Namespace(location)}.{named}", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A parameter the client sends as JSON whose type the app registers (the server takes it from DI), and one the client
    /// leaves to DI whose type the app does not register (the server reads it from the body), in each place: the start
    /// fails naming the function, with the assembly that declares it when that is not the app (the client may number a
    /// library's object), and the parameter. Every other guess agrees, so the message names that one only.
    /// </summary>
    [Theory]
    [InlineData(Location.Own)]
    [InlineData(Location.Friend)]
    [InlineData(Location.FarFriend)]
    public async Task A_wrong_guess_of_service_or_JSON_fails_the_start_wherever_the_function_lives(Location location)
    {
        var sentAsJson = await StartAsync(Chain.Value, static _ => { }, (services, type) =>
        {
            RegisterEveryClock(services, type);
            services.AddSingleton(type($"{Namespace(location)}.Ping"));
        });
        var leftToDi = await StartAsync(Chain.Value, static _ => { }, (services, type) =>
        {
            foreach (var other in Enum.GetValues<Location>().Where(other => other != location))
            {
                services.AddSingleton(type($"{Namespace(other)}.Clock"));
            }
        });

        Assert.True(sentAsJson is not null, $"the app registers {Namespace(location)}.Ping, which the client sends as JSON, and starts");
        Assert.Contains(Quote(location, "ping"), sentAsJson.Message, StringComparison.Ordinal);
        Assert.Contains("[FromServices]", sentAsJson.Message, StringComparison.Ordinal);
        Assert.Single(Enum.GetValues<Location>(), other => sentAsJson.Message.Contains(Quote(other, "ping"), StringComparison.Ordinal));
        Assert.True(leftToDi is not null, $"the app does not register {Namespace(location)}.Clock, which the client leaves to DI, and starts");
        Assert.Contains(Quote(location, "clock"), leftToDi.Message, StringComparison.Ordinal);
        Assert.Single(Enum.GetValues<Location>(), other => leftToDi.Message.Contains(Quote(other, "clock"), StringComparison.Ordinal));
    }

    /// <summary>
    /// Options that agree with the client (the web defaults; indented output and cycles ignored, which change no name or
    /// value): the app starts, and its client, run in node, calls a function of each place and reads each record by the
    /// names it declares, and sends each JSON argument where the server reads it.
    /// </summary>
    [Theory]
    [InlineData("none")]
    [InlineData("WriteIndented, ReferenceHandler = IgnoreCycles")]
    public async Task Options_that_agree_with_the_client_let_the_app_start_and_the_client_call_every_place(string knob)
    {
        string? output = null;
        var error = await StartAsync(Chain.Value, options => Turn(options, knob), RegisterEveryClock, async (address, script) =>
            output = await RunClientAsync(address, script, """
                import { Carts, Orders, Prices, configure } from "./client.mjs";

                configure({ baseUrl: process.argv[2] });
                const lines = [await Carts.get(), await Orders.get(), await Prices.get()];
                const quotes = [await Carts.quote({ text: "a" }), await Orders.quote({ text: "ab" }), await Prices.quote({ text: "abc" })];
                console.log(JSON.stringify({ names: lines.map((line) => Object.keys(line).join(",")), tiers: lines.map((line) => line.tier), quotes }));
                """));

        Assert.True(error is null, $"{knob}: {error?.Message}");
        using var result = JsonDocument.Parse(output!);
        Assert.Equal(["displayName,note,validFrom,tier", "displayName,note,validFrom,tier", "displayName,note,validFrom,tier"], result.RootElement.GetProperty("names").EnumerateArray().Select(static n => n.GetString()));
        Assert.Equal([1, 1, 1], result.RootElement.GetProperty("tiers").EnumerateArray().Select(static t => t.GetInt32()));
        Assert.Equal([1, 2, 3], result.RootElement.GetProperty("quotes").EnumerateArray().Select(static q => q.GetInt32()));
    }

    /// <summary>
    /// A library's type that the app's own function returns too: the app's list and the library's both declare it, and
    /// it is checked once, so the message names it once.
    /// </summary>
    [Fact]
    public async Task A_librarys_type_the_apps_own_function_returns_too_is_checked_once()
    {
        var functions = FriendAssemblyCompiler.Compile("Shop.Functions", Source("Shop.Functions", "Orders", "orders", "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Shop.App\")]"), []);
        var app = FriendAssemblyCompiler.Compile("Shop.App", """
            namespace Shop.App
            {
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class Carts
                {
                    [SessionAuth.ServerFunction("/carts/line")] public static Shop.Functions.Line Get() => new("Cart", null, new System.DateOnly(2026, 1, 1), Shop.Functions.Tier.Basic);
                }
            }
            """ + Startup, [functions.Image!]);
        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));
        Assert.Contains("ClientJsonShape.Properties(typeof(global::Shop.Functions.Line)", app.Generated, StringComparison.Ordinal);

        var error = await StartAsync([functions.Bytes!, app.Bytes!], static options => options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, static (services, type) => services.AddSingleton(type("Shop.Functions.Clock")));

        Assert.True(error is not null, "the app writes snake_case names and starts");
        Assert.Equal(2, error.Message.Split("Shop.Functions.Line:").Length);
    }

    /// <summary>
    /// A library whose entry method registers checks that the app's options fail, under a client model of an earlier
    /// format (its functions left out of the client, SAUTH0018) and under the current one: the app checks what its client
    /// offers, so only the second stops the start.
    /// </summary>
    [Theory]
    [InlineData(ClientModel.FieldPrefix + "V2", false)]
    [InlineData(ClientModel.FieldName, true)]
    public async Task A_library_left_out_of_the_client_is_not_checked(string modelField, bool offered)
    {
        var legacy = HandWrittenLibrary(modelField);
        var app = FriendAssemblyCompiler.Compile("Shop.App", """
            namespace Shop.App
            {
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class Carts
                {
                    [SessionAuth.ServerFunction("/carts/count")] public static int Count() => 0;
                }
            }
            """ + Startup, [MetadataReference.CreateFromImage(legacy)]);
        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));
        Assert.Equal(offered, app.Generated.Contains("\"/legacy/receipt\"", StringComparison.Ordinal));

        var error = await StartAsync([legacy, app.Bytes!], static options => options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, static (_, _) => { });

        Assert.True(offered == error is not null, offered ? "the client offers Shop.Legacy's function, whose Receipt the app writes otherwise, and the app starts" : $"a library the client leaves out stops the start: {error?.Message}");
        if (offered)
        {
            Assert.Contains("Shop.Legacy.Receipt:", error!.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Shop.Legacy as a generator writes its map (the entry method registers its checks: a record the client declares
    /// with camelCase names), with a client model under <paramref name="modelField"/> that offers a function returning it.
    /// </summary>
    private static byte[] HandWrittenLibrary(string modelField)
    {
        var receipt = new ClientNamedTypeSpec("global::Shop.Legacy.Receipt", "Receipt", IsEnum: false, new[] { new ClientPropertySpec("displayName", ClientTypeSpec.Keyword("string"), IsOptional: false) }.ToEquatableArray(), EquatableArray<ClientEnumMemberSpec>.Empty);
        var function = new ClientFunctionSpec("receipt", "POST", "/legacy/receipt", EquatableArray<ClientParameterSpec>.Empty, ClientTypeSpec.Named(receipt.Key), new[] { receipt }.ToEquatableArray());
        var model = ClientModel.Write(new[] { new ClientSectionSpec("Shop.Legacy", new[] { new ClientSectionFunctionSpec("Shop.Legacy|Shop.Legacy.Receipts", "Receipts", function) }.ToEquatableArray()) }.ToEquatableArray());
        var identifier = ReferencedMaps.Identifier("Shop.Legacy");
        var source = $$"""
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.App")]

            namespace Shop.Legacy
            {
                internal sealed record Receipt(string DisplayName);
            }

            namespace SessionAuth.{{identifier}}
            {
                internal static partial class {{ReferencedMaps.MapClassName(identifier)}}
                {
                    internal const string {{modelField}} = {{SymbolDisplay.FormatLiteral(model, quote: true)}};

                    public static void {{identifier}}(this Microsoft.AspNetCore.Routing.RouteGroupBuilder group, System.IServiceProvider services, System.Collections.Generic.ISet<string> mapped)
                    {
                        if (!mapped.Add("Shop.Legacy"))
                        {
                            return;
                        }

                        SessionAuth.Infrastructure.ServerFunctionClientFiles.RegisterChecks(
                            services,
                            "Shop.Legacy",
                            new[] { SessionAuth.Infrastructure.ClientJsonShape.Properties(typeof(Shop.Legacy.Receipt), new[] { "displayName" }, new string[0]) },
                            new SessionAuth.Infrastructure.ClientServiceOrJson[0]);
                    }
                }
            }
            """;
        return FriendAssemblyCompiler.CompileWithoutGenerator("Shop.Legacy", source);
    }

    private static void RegisterEveryClock(IServiceCollection services, Func<string, Type> type)
    {
        foreach (var location in Enum.GetValues<Location>())
        {
            var clock = type($"{Namespace(location)}.Clock");
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        }
    }

    private static void Turn(JsonSerializerOptions options, string knob)
    {
        switch (knob)
        {
            case "PropertyNamingPolicy = SnakeCaseLower": options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower; break;
            case "DefaultIgnoreCondition = WhenWritingNull": options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull; break;
            case "Converters: JsonStringEnumConverter": options.Converters.Add(new JsonStringEnumConverter()); break;
            case "Converters: a converter of a property's type": options.Converters.Add(new DayNumberConverter()); break;
            case "WriteIndented, ReferenceHandler = IgnoreCycles":
                options.WriteIndented = true;
                options.ReferenceHandler = ReferenceHandler.IgnoreCycles;
                break;
            case "none": break;
            default: throw new ArgumentException("No such knob: " + knob, nameof(knob));
        }
    }

    /// <summary>Writes a <see cref="DateOnly"/> as its day number, as an app's own converter might.</summary>
    private sealed class DayNumberConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => DateOnly.FromDayNumber(reader.GetInt32());

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) => writer.WriteNumberValue(value.DayNumber);
    }

    /// <summary>
    /// Starts the app of <paramref name="images"/> (the app's last) with these JSON options and services, mapping its server
    /// functions and client (<c>Shop.App.Startup.Map</c>): the start-up error, or <see langword="null"/> once the app has
    /// served client.js and <paramref name="whileRunning"/> has run against its address and that script.
    /// </summary>
    private static Task<Exception?> StartAsync(
        byte[][] images,
        Action<JsonSerializerOptions> json,
        Action<IServiceCollection, Func<string, Type>> services,
        Func<Uri, string, Task>? whileRunning = null) =>
        FriendAssemblyCompiler.StartAsync(
            images,
            "Shop.App.Startup",
            (collection, type) =>
            {
                collection.ConfigureHttpJsonOptions(options => json(options.SerializerOptions));
                services(collection, type);
            },
            async address =>
            {
                using var client = new HttpClient { BaseAddress = address };
                var script = await client.GetStringAsync(new Uri("/_server/client.js", UriKind.Relative));
                if (whileRunning is not null)
                {
                    await whileRunning(address, script);
                }
            });

    /// <summary>Runs <paramref name="consumer"/> in node beside the served module (client.mjs), with the app's address as its argument; its output.</summary>
    private static async Task<string> RunClientAsync(Uri address, string script, string consumer)
    {
        var folder = Directory.CreateTempSubdirectory("friend-client-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "client.mjs"), script);
        await File.WriteAllTextAsync(Path.Combine(folder, "Consumer.mjs"), consumer);
        var (exitCode, output) = await NodeTools.RunAsync(folder, "node", "Consumer.mjs", address.ToString());
        Assert.True(exitCode == 0, "the client failed in node:\n" + output);
        return output;
    }
}
