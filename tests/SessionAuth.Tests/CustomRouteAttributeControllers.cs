using Microsoft.AspNetCore.Mvc;

// The controllers CustomRouteAttributeHttpTests routes: attribute-routed through custom attributes whose base constructor gives the
// template, so their usages carry no arguments. Deliberately unguarded.
namespace SessionAuth.Tests.CustomRouteAttributeControllers;

public sealed class CustomApiRouteAttribute : RouteAttribute
{
    public CustomApiRouteAttribute()
        : base("custom/[controller]")
    {
    }
}

public sealed class CustomGetInvoicesAttribute : HttpGetAttribute
{
    public CustomGetInvoicesAttribute()
        : base("custom/invoices")
    {
    }
}

[CustomApiRoute]
public sealed class CustomRouteOrdersController : ControllerBase
{
    [HttpGet]
    public string List() => $"{GetType().Name}.List, open to anyone";
}

public sealed class CustomRouteInvoicesController : ControllerBase
{
    [CustomGetInvoices]
    public string List() => $"{GetType().Name}.List, open to anyone";
}

public sealed class CustomRouteHomeController : ControllerBase
{
    public string Index() => $"{GetType().Name}.Index";
}
