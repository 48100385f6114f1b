using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SessionAuth.ShapesApp;
using SessionAuth.TestApp;

namespace SessionAuth.RulePages;

// SAUTH0016 takes a page model's rule for one no endpoint reads (review 16, finding 8, fixed elsewhere); a page's
// endpoint carries its model's attributes, and these rules are enforced (RuleArgumentSourceTests).
#pragma warning disable SAUTH0016

/// <summary>A page whose handlers take the house: from any value MVC reads on GET, from a header named house on POST.</summary>
[RequireSession<MaybeOwnHouse>(Argument = "house")]
[IgnoreAntiforgeryToken]
public sealed class RuleNoticesModel : PageModel
{
    public string Text { get; private set; } = string.Empty;

    public void OnGet(House? house) => Text = house is null ? "own notices" : $"{house} notices";

    public void OnPost([FromHeader(Name = "house")] House? notices) => Text = notices is null ? "own notices" : $"{notices} notices";
}

/// <summary>A page whose model binds the house into a property, through the app's own binder (the <c>X-House</c> header).</summary>
[RequireSession<MaybeOwnHouse>(Argument = "house")]
[IgnoreAntiforgeryToken]
public sealed class RulePropertyModel : PageModel
{
    [BindProperty(SupportsGet = true, BinderType = typeof(HouseHeaderBinder))]
    public House? House { get; set; }

    public string Text => House is null ? "own notices" : $"{House} notices";
}

/// <summary>An app's own model binder: the house from the <c>X-House</c> header.</summary>
public sealed class HouseHeaderBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        if (Enum.TryParse<House>(bindingContext.HttpContext.Request.Headers["X-House"], out var house))
        {
            bindingContext.Result = ModelBindingResult.Success(house);
        }

        return Task.CompletedTask;
    }
}
