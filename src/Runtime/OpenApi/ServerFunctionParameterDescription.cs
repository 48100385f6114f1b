namespace SessionAuth.OpenApi;

/// <summary>Where a server function argument travels in the request, as an API description tells it.</summary>
internal enum ArgumentLocation
{
    /// <summary>A route value.</summary>
    Path,

    /// <summary>The query string.</summary>
    Query,

    /// <summary>A request header.</summary>
    Header,

    /// <summary>A member of the JSON object body, or a field of a form body: both are accepted.</summary>
    BodyMember,

    /// <summary>A member of the JSON object body only: a value that is no text (a record, a list) is refused in a form.</summary>
    JsonMember,

    /// <summary>A field of a form body only (<c>[FromForm]</c>).</summary>
    FormField,

    /// <summary>A file of a multipart form body (<c>IFormFile</c>, <c>IFormFileCollection</c>).</summary>
    FormFile,

    /// <summary>Every field of a form body, whatever their names (<c>IFormCollection</c>).</summary>
    AnyFormFields,

    /// <summary>The whole JSON body (<c>[FromBody]</c>).</summary>
    Body,
}

/// <summary>One argument a server function binds from the request, as the binding built at startup binds it.</summary>
/// <param name="Name">The name the client sends it by.</param>
/// <param name="Type">The parameter type.</param>
/// <param name="Location">Where it travels.</param>
/// <param name="IsRequired">Whether a missing value is a 400.</param>
/// <param name="DefaultValue">The value a missing argument binds, when it is optional and has one.</param>
internal sealed record ServerFunctionParameterDescription(string Name, Type Type, ArgumentLocation Location, bool IsRequired, object? DefaultValue);
