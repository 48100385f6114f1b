using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

// The controllers ControllerGuardHttpTests routes: public and top-level, as MVC needs (a nested one is there to show
// MVC skips it). Deliberately unguarded unless a test says otherwise.
namespace SessionAuth.Tests.ControllerRouting;

public sealed class ConventionalController : ControllerBase
{
    public string Index() => $"{GetType().Name}.Index";
}

public sealed class AttributeRoutedController : ControllerBase
{
    [HttpGet("/attribute-routed")]
    public string Get() => $"{GetType().Name}.Get, open to anyone";
}

public abstract class CatalogBase : ControllerBase
{
    public string List() => $"{GetType().Name}.List";

    [Authorize]
    public virtual string Secret() => "base secret";
}

public sealed class LibraryController : CatalogBase, IDisposable
{
    public override string Secret() => "library secret";

    [NonAction]
    public string Helper() => GetType().Name;

    public void Dispose()
    {
    }
}

// MVC skips IDisposable.Dispose only: DisposeAsync is an action, named "Dispose" once MVC drops the Async suffix.
public sealed class StreamsController : ControllerBase, IAsyncDisposable
{
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

public class PocoController
{
    public string Hello() => $"{GetType().Name}.Hello";
}

public static class Outer
{
    public sealed class NestedController : ControllerBase
    {
        public string Index() => GetType().Name;
    }
}
