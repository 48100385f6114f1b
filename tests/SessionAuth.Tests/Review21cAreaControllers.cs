using Microsoft.AspNetCore.Mvc;

// The controllers Review21cHttpTests routes: one in an area, one outside, both without a decision of their own.
namespace SessionAuth.Tests.Review21cAreaControllers;

[Area("Review21cAdmin")]
public sealed class Review21cUsersController : ControllerBase
{
    public string Index() => $"{GetType().Name}.Index";
}

public sealed class Review21cHomeController : ControllerBase
{
    public string Index() => $"{GetType().Name}.Index, open to anyone";
}
