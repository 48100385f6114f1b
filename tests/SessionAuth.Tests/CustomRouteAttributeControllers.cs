using Microsoft.AspNetCore.Mvc;

// The controllers CustomRouteAttributeHttpTests routes: attribute-routed through custom attributes whose base constructor gives the
// template, so their usages carry no arguments. Deliberately unguarded.
namespace SessionAuth.Tests.CustomRouteAttributeControllers;

public sealed class Review21bApiRouteAttribute : RouteAttribute
{
    public Review21bApiRouteAttribute()
        : base("review21b/[controller]")
    {
    }
}

public sealed class Review21bGetInvoicesAttribute : HttpGetAttribute
{
    public Review21bGetInvoicesAttribute()
        : base("review21b/invoices")
    {
    }
}

[Review21bApiRoute]
public sealed class Review21bOrdersController : ControllerBase
{
    [HttpGet]
    public string List() => $"{GetType().Name}.List, open to anyone";
}

public sealed class Review21bInvoicesController : ControllerBase
{
    [Review21bGetInvoices]
    public string List() => $"{GetType().Name}.List, open to anyone";
}

public sealed class Review21bHomeController : ControllerBase
{
    public string Index() => $"{GetType().Name}.Index";
}
