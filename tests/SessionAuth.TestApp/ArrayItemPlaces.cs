using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace SessionAuth.TestApp;

/// <summary>
/// Arrays from every place a request carries one (the query, a header, a form), of nullable numbers and nullable strings,
/// each echoed item by item in its place: a null as "(null)", an empty string as "(empty)". The same methods are mapped
/// as minimal APIs under <c>/minimal</c>, which bind the wire the client sends as ASP.NET Core does. Left out of the
/// OpenAPI snapshot.
/// </summary>
/// <remarks>
/// Each parameter has a name of its own: the Request Delegate Generator maps calls whose handlers share a signature and
/// parameter names through one interceptor, which binds every one of them from the first one's sources (a header
/// parameter from the query).
/// </remarks>
[AllowAnonymous]
public static class ArrayItemPlaces
{
    [ServerFunction("/array-places/query-numbers", Method = "GET"), ExcludeFromDescription]
    public static string QueryNumbers([FromQuery] int?[] ids) => Show(ids);

    [ServerFunction("/array-places/query-texts", Method = "GET"), ExcludeFromDescription]
    public static string QueryTexts([FromQuery] string?[] labels) => Show(labels);

    [ServerFunction("/array-places/header-numbers", Method = "GET"), ExcludeFromDescription]
    public static string HeaderNumbers([FromHeader(Name = "X-Ids")] int?[] headerIds) => Show(headerIds);

    [ServerFunction("/array-places/header-texts", Method = "GET"), ExcludeFromDescription]
    public static string HeaderTexts([FromHeader(Name = "X-Labels")] string?[] headerLabels) => Show(headerLabels);

    // ASP0020 asks a header parameter's type to parse itself, but minimal APIs bind StringValues from a header as they
    // do from the query (the header's values as they are).
#pragma warning disable ASP0020
    [ServerFunction("/array-places/header-values", Method = "GET"), ExcludeFromDescription]
    public static string HeaderValues([FromHeader(Name = "X-Values")] StringValues values) => Show(values.AsEnumerable());
#pragma warning restore ASP0020

    [ServerFunction("/array-places/form-numbers"), ExcludeFromDescription]
    public static string FormNumbers([FromForm(Name = "ids")] int?[] formIds) => Show(formIds);

    [ServerFunction("/array-places/form-texts"), ExcludeFromDescription]
    public static string FormTexts([FromForm(Name = "labels")] string?[] formLabels) => Show(formLabels);

    private static string Show(int?[] items) => Show(items.Select(static item => item?.ToString(CultureInfo.InvariantCulture)));

    private static string Show(IEnumerable<string?> items) =>
        string.Join("|", items.Select(static item => item switch { null => "(null)", "" => "(empty)", _ => item }));
}
