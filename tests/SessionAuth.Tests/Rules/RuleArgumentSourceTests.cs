using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.ShapesApp;
using SessionAuth.RulePages;
using SessionAuth.TestApp;
using SessionAuth.Tests.Identity;

namespace SessionAuth.Tests.Rules;

/// <summary>
/// The class behind review 16's findings 1 and 2: a rule over an argument judges the very value the endpoint acts on, or
/// the request is refused (400 naming the argument), or the app does not start (a message saying what to change). One
/// row per endpoint kind and source the endpoint binds <c>house</c> from; users sign in at <c>/sign-in/{name}</c>, and
/// <c>harry</c> is in Gryffindor. Rules: <see cref="OwnHouse"/> (a house is needed), <see cref="MaybeOwnHouse"/> (none
/// is the student's own).
/// </summary>
public sealed class RuleArgumentSourceTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private Uri _address = null!;

    // ShapesApp's functions ask for roles ([Authorize(Roles = "Admin")]), which needs the session's claims.
    public async Task InitializeAsync() => (_app, _address) = await ShapesAppHost.StartAsync(
        options => options.UseClaims<UserSession>(user => IdentityApp.ClaimsOf(user)),
        services: services =>
        {
            AddControllers(services, typeof(RuleSourcesController));
            services.AddRazorPages().AddApplicationPart(typeof(RuleNoticesModel).Assembly);
        },
        endpoints: app =>
        {
            ShapesAppFunctions.Map(app.MapGroup("/rs/houses/{house}").WithMetadata(new RequireSessionAttribute<OwnHouse> { Argument = "house" }));
            ShapesAppFunctions.Map(app.MapGroup("/rs/by-query").WithMetadata(new RequireSessionAttribute<OwnHouse> { Argument = "house" }));
            app.MapControllers();
            app.MapRazorPages();
        });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>
    /// Endpoints that start, and the value each rule judges. <paramref name="payload"/> is <c>json:</c> a JSON body,
    /// <c>form:</c> a urlencoded form body, <c>header:</c> a header <c>name=value</c>, or empty.
    /// </summary>
    [Theory]
    // A server function in a group whose route names the house, binding house from its JSON body: the body's value is judged.
    [InlineData("POST", "/rs/houses/Gryffindor/_server/R16Sources/FromBody", "json:{\"house\":\"Slytherin\"}", HttpStatusCode.Forbidden, null)]
    [InlineData("POST", "/rs/houses/Gryffindor/_server/R16Sources/FromBody", "json:{\"house\":\"Gryffindor\"}", HttpStatusCode.OK, "Gryffindor notices")]
    [InlineData("POST", "/rs/houses/Slytherin/_server/R16Sources/FromBody", "json:{\"house\":\"Gryffindor\"}", HttpStatusCode.OK, "Gryffindor notices")]
    // ... from a form field, or none at all (null, which MaybeOwnHouse would allow but OwnHouse does not: 400 naming it).
    [InlineData("POST", "/rs/houses/Gryffindor/_server/R16Sources/FromBody", "form:house=Slytherin", HttpStatusCode.Forbidden, null)]
    [InlineData("POST", "/rs/houses/Gryffindor/_server/R16Sources/FromBody", "json:{}", HttpStatusCode.BadRequest, "house")]
    // A group without a route value: the body's value is judged, with or without a query value beside it.
    [InlineData("POST", "/rs/by-query/_server/R16Sources/FromBody", "json:{\"house\":\"Gryffindor\"}", HttpStatusCode.OK, "Gryffindor notices")]
    [InlineData("POST", "/rs/by-query/_server/R16Sources/FromBody?house=Gryffindor", "json:{\"house\":\"Slytherin\"}", HttpStatusCode.Forbidden, null)]
    // A server function binding house from the query string, or from a header named house.
    [InlineData("GET", "/rs/by-query/_server/R16Sources/FromQuery?house=Slytherin", "", HttpStatusCode.Forbidden, null)]
    [InlineData("GET", "/rs/by-query/_server/R16Sources/FromQuery?house=Gryffindor", "", HttpStatusCode.OK, "Gryffindor notices")]
    [InlineData("POST", "/rs/houses/Gryffindor/_server/R16Sources/FromHeader", "header:house=Slytherin", HttpStatusCode.Forbidden, null)]
    [InlineData("POST", "/rs/houses/Slytherin/_server/R16Sources/FromHeader", "header:house=Gryffindor", HttpStatusCode.OK, "Gryffindor notices")]
    // [AllowAnonymous] on the function opens it to the group's rule, on whatever it binds.
    [InlineData("POST", "/rs/houses/Slytherin/_server/R16Sources/Open", "json:{\"house\":\"Slytherin\"}", HttpStatusCode.OK, "Slytherin open notices")]
    // A server function that binds no house: the group's rule judges the route or query value.
    [InlineData("POST", "/rs/houses/Slytherin/_server/R16Sources/NoHouse", "", HttpStatusCode.Forbidden, null)]
    [InlineData("POST", "/rs/houses/Gryffindor/_server/R16Sources/NoHouse", "", HttpStatusCode.OK, "harry's notices")]
    [InlineData("POST", "/rs/by-query/_server/R16Sources/NoHouse", "", HttpStatusCode.BadRequest, "house")]
    // An MVC action (no [ApiController]): whatever value provider MVC binds house from, the bound value is judged.
    [InlineData("POST", "/rs/mvc/notices", "form:house[]=Slytherin", HttpStatusCode.Forbidden, null)]
    [InlineData("POST", "/rs/mvc/notices", "form:house=Slytherin", HttpStatusCode.Forbidden, null)]
    [InlineData("POST", "/rs/mvc/notices", "form:house[]=Gryffindor", HttpStatusCode.OK, "Gryffindor notices")]
    [InlineData("POST", "/rs/mvc/notices?house=Slytherin", "", HttpStatusCode.Forbidden, null)]
    [InlineData("POST", "/rs/mvc/notices", "form:house[0]=Slytherin", HttpStatusCode.OK, "own notices")]
    [InlineData("POST", "/rs/mvc/notices", "", HttpStatusCode.OK, "own notices")]
    // ... from a header, under another parameter name, or through the app's own model binder.
    [InlineData("POST", "/rs/mvc/header", "header:house=Slytherin", HttpStatusCode.Forbidden, null)]
    [InlineData("POST", "/rs/mvc/header", "header:house=Gryffindor", HttpStatusCode.OK, "Gryffindor notices")]
    [InlineData("POST", "/rs/mvc/binder", "header:X-House=Slytherin", HttpStatusCode.Forbidden, null)]
    [InlineData("POST", "/rs/mvc/binder?house=Gryffindor", "header:X-House=Slytherin", HttpStatusCode.Forbidden, null)]
    [InlineData("POST", "/rs/mvc/binder", "header:X-House=Gryffindor", HttpStatusCode.OK, "Gryffindor notices")]
    // A Razor page: UseSessionAuth() judges the route or query value (a form field carrying the name is refused), and the
    // value the page bound (a handler's parameter, a bound property of its model) is judged once MVC bound it.
    [InlineData("GET", "/rs/pages/notices?house=Slytherin", "", HttpStatusCode.Forbidden, null)]
    [InlineData("GET", "/rs/pages/notices?house=Gryffindor", "", HttpStatusCode.OK, "Gryffindor notices")]
    [InlineData("POST", "/rs/pages/notices", "header:house=Slytherin", HttpStatusCode.Forbidden, null)]
    [InlineData("POST", "/rs/pages/notices", "header:house=Gryffindor", HttpStatusCode.OK, "Gryffindor notices")]
    [InlineData("POST", "/rs/pages/notices", "form:house[]=Slytherin", HttpStatusCode.BadRequest, "house")]
    [InlineData("GET", "/rs/pages/property", "header:X-House=Slytherin", HttpStatusCode.Forbidden, null)]
    [InlineData("GET", "/rs/pages/property", "", HttpStatusCode.OK, "own notices")]
    public async Task A_rule_judges_the_value_the_endpoint_binds(string method, string path, string payload, HttpStatusCode expected, string? body)
    {
        using var harry = await IdentityApp.SignedInAsync(_address, "harry");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Sec-Fetch-Mode", "cors");
        request.Headers.Add("Accept", "application/json");
        var (kind, value) = payload.Length == 0 ? (string.Empty, string.Empty) : (payload[..payload.IndexOf(':', StringComparison.Ordinal)], payload[(payload.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        switch (kind)
        {
            case "json":
                request.Content = new StringContent(value, System.Text.Encoding.UTF8, "application/json");
                break;
            case "form":
                request.Content = new StringContent(value, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
                break;
            case "header":
                request.Headers.Add(value[..value.IndexOf('=', StringComparison.Ordinal)], value[(value.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                break;
        }

        using var response = await harry.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("Slytherin notices", text, StringComparison.Ordinal);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        if (body is not null)
        {
            Assert.Contains(body, text, StringComparison.Ordinal);
        }
    }

    /// <summary>Endpoints a rule could not judge: the app does not start, and the message names the endpoint, the argument and the change.</summary>
    [Theory]
    [InlineData("minimal [FromBody] in a group's route", "binds its parameter 'house' from the request body")]
    [InlineData("minimal [FromForm]", "binds its parameter 'house' from the form")]
    [InlineData("minimal [FromHeader]", "binds its parameter 'house' from a header")]
    [InlineData("minimal [FromServices]", "binds its parameter 'house' from services")]
    [InlineData("minimal complex type", "binds its parameter 'house' from the request body or services")]
    [InlineData("minimal BindAsync type", "binds its parameter 'house' from its type's own BindAsync")]
    [InlineData("minimal [AsParameters] member from a header", "binds its parameter 'House' from a header")]
    [InlineData("server function [FromQuery(Name)] in a group's route", "reads 'house', a parameter the server function RenamedHouse.Notices binds from the request under another name")]
    [InlineData("minimal [FromQuery(Name)]", "binds its parameter 'house' from the value 'h'; set Argument = \"h\"")]
    [InlineData("minimal optional [FromQuery] beside a route value", "binds 'house' from the query string, and goes on without it; bind it from the route")]
    [InlineData("MVC bound property", "binds into its property House")]
    [InlineData("MVC argument of another type", "reads 'house' as House, but the action binds it as String")]
    [InlineData("MVC without the filter", "that filter is not among the action's filters")]
    [InlineData("Razor Pages without the filter", "SessionAuth's MVC filter that judges the bound value is not in MvcOptions.Filters")]
    public async Task An_endpoint_whose_value_a_rule_cannot_judge_does_not_start(string shape, string message)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(shape));

        Assert.Contains("cannot judge the value they guard", failure.Message, StringComparison.Ordinal);
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    private static Task<(WebApplication, Uri)> StartAsync(string shape) => shape switch
    {
        "minimal [FromBody] in a group's route" => Minimal(app => app.MapGroup("/houses/{house}").WithMetadata(new RequireSessionAttribute<OwnHouse> { Argument = "house" })
            .MapPost("/award", ([FromBody] House house) => $"{house}")),
        "minimal [FromForm]" => Minimal(app => app.MapPost("/award", [RequireSession<OwnHouse>(Argument = "house")] ([FromForm] House house) => $"{house}").DisableAntiforgery()),
        "minimal [FromHeader]" => Minimal(app => app.MapGet("/award", [RequireSession<OwnHouse>(Argument = "house")] ([FromHeader] House house) => $"{house}")),
        "minimal [FromServices]" => Minimal(app => app.MapGet("/award", [RequireSession<MaybeOwnHouse>(Argument = "house")] ([FromServices] HouseHolder house) => "never")),
        "minimal complex type" => Minimal(app => app.MapPost("/award", [RequireSession<MaybeOwnHouse>(Argument = "house")] (HouseHolder house) => "never")),
        "minimal BindAsync type" => Minimal(app => app.MapGet("/award", [RequireSession<MaybeOwnHouse>(Argument = "house")] (BoundHouse house) => "never")),
        "minimal [AsParameters] member from a header" => Minimal(app => app.MapGet("/award", [RequireSession<OwnHouse>(Argument = "house")] ([AsParameters] HouseFromHeader request) => $"{request.House}")),
        "server function [FromQuery(Name)] in a group's route" => Minimal(app => SessionAuth.AttributeApp.AttributeFunctions.Map(
            app.MapGroup("/houses/{house}").WithMetadata(new RequireSessionAttribute<OwnHouse> { Argument = "house" }))),
        "minimal [FromQuery(Name)]" => Minimal(app => app.MapGet("/award", [RequireSession<OwnHouse>(Argument = "house")] ([FromQuery(Name = "h")] House house) => $"{house}")),
        "minimal optional [FromQuery] beside a route value" => Minimal(app => app.MapGet("/houses/{house}", [RequireSession<MaybeOwnHouse>(Argument = "house")] ([FromQuery] House? house) => $"{house}")),
        "MVC bound property" => Mvc(typeof(BoundPropertyController)),
        "MVC argument of another type" => Mvc(typeof(StringHouseController)),
        "Razor Pages without the filter" => Mvc(typeof(RuleSourcesController), static services =>
        {
            services.AddRazorPages().AddApplicationPart(typeof(RuleNoticesModel).Assembly);
            RemoveTheFilter(services);
        },
        pages: true),
        _ => Mvc(typeof(RuleSourcesController), RemoveTheFilter),
    };

    private static void RemoveTheFilter(IServiceCollection services) => services.PostConfigure<MvcOptions>(static options =>
    {
        foreach (var filter in options.Filters.Where(static f => f.GetType().Name == "SessionRuleActionFilter").ToList())
        {
            options.Filters.Remove(filter);
        }
    });

    private static async Task<(WebApplication, Uri)> Minimal(Action<WebApplication> endpoints)
    {
        var (app, address) = await ShapesAppHost.StartAsync(
            options => options.UseClaims<UserSession>(user => IdentityApp.ClaimsOf(user)),
            services: static services => services.AddSingleton(new HouseHolder(House.Gryffindor)),
            endpoints: endpoints);
        await app.DisposeAsync();
        return (app, address);
    }

    private static async Task<(WebApplication, Uri)> Mvc(Type controller, Action<IServiceCollection>? more = null, bool pages = false)
    {
        var (app, address) = await ShapesAppHost.StartAsync(
            services: services =>
            {
                AddControllers(services, controller);
                more?.Invoke(services);
            },
            endpoints: app =>
            {
                app.MapControllers();
                if (pages)
                {
                    app.MapRazorPages();
                }
            });
        await app.DisposeAsync();
        return (app, address);
    }

    private static void AddControllers(IServiceCollection services, Type controller) =>
        services.AddControllersWithViews().AddApplicationPart(controller.Assembly)
            .ConfigureApplicationPartManager(parts =>
            {
                foreach (var provider in parts.FeatureProviders.OfType<Microsoft.AspNetCore.Mvc.Controllers.ControllerFeatureProvider>().ToList())
                {
                    parts.FeatureProviders.Remove(provider);
                }

                parts.FeatureProviders.Add(new OnlyControllers([controller]));
            });
}

/// <summary>A house that is no text: bound from a JSON body, or a service.</summary>
public sealed record HouseHolder(House House);

/// <summary>A minimal API's parameters gathered in a type: its member binds the house from a header.</summary>
public sealed record HouseFromHeader([property: FromHeader(Name = "house")] House House);

/// <summary>A house that binds itself from the request (a header), as minimal APIs call <c>BindAsync</c>.</summary>
public sealed record BoundHouse(House House)
{
    public static ValueTask<BoundHouse?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<BoundHouse?>(Enum.TryParse<House>(context.Request.Headers["X-House"], out var house) ? new BoundHouse(house) : null);
}

/// <summary>MVC actions without [ApiController]: parameters bind from every value provider MVC has, and from a model binder.</summary>
internal sealed class RuleSourcesController : Controller
{
    [HttpPost("/rs/mvc/notices")]
    [RequireSession<MaybeOwnHouse>(Argument = "house")]
    public ContentResult Notices(House? house) => Content(house is null ? "own notices" : $"{house} notices");

    [HttpPost("/rs/mvc/header")]
    [RequireSession<MaybeOwnHouse>(Argument = "house")]
    public ContentResult Header([FromHeader(Name = "house")] House? notices) => Content(notices is null ? "own notices" : $"{notices} notices");

    [HttpPost("/rs/mvc/binder")]
    [RequireSession<MaybeOwnHouse>(Argument = "house")]
    public ContentResult Binder([ModelBinder(typeof(HouseHeaderBinder))] House? house) => Content(house is null ? "own notices" : $"{house} notices");
}

internal sealed class BoundPropertyController : Controller
{
    [BindProperty(SupportsGet = true)]
    public House? House { get; set; }

    [HttpGet("/rs/mvc/property")]
    [RequireSession<MaybeOwnHouse>(Argument = "house")]
    public ContentResult Notices() => Content($"{House} notices");
}

internal sealed class StringHouseController : Controller
{
    [HttpGet("/rs/mvc/string/{house}")]
    [RequireSession<OwnHouse>(Argument = "house")]
    public ContentResult Notices(string house) => Content($"{house} notices");
}
