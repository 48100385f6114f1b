using Microsoft.AspNetCore.Mvc;

// The controllers AreaRouteHttpTests routes: one in an area, one outside, both without a decision of their own.
namespace SessionAuth.Tests.AreaRouteControllers;

[Area("AreaRouteAdmin")]
public sealed class AreaRouteUsersController : ControllerBase
{
    public string Index() => $"{GetType().Name}.Index";
}

public sealed class AreaRouteHomeController : ControllerBase
{
    public string Index() => $"{GetType().Name}.Index, open to anyone";
}
