using System.ComponentModel;

namespace SessionAuth.Infrastructure;

/// <summary>Where a server function argument comes from; decided by the generator at compile time.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ArgumentSource
{
    /// <summary>A route value, such as <c>{house}</c> in <c>/api/students/{house}</c>.</summary>
    Route,

    /// <summary>The query string.</summary>
    Query,

    /// <summary>A member of the JSON object body, or a field of a form body, named like the parameter.</summary>
    Body,

    /// <summary>A request header (<c>[FromHeader]</c>).</summary>
    Header,

    /// <summary>A field of a form body only (<c>[FromForm]</c>); a JSON body is refused with 415.</summary>
    Form,

    /// <summary>
    /// The query string, named by <c>[FromQuery]</c>: as minimal APIs read such a parameter (and a
    /// <c>[FromHeader]</c> one), an empty value of a required argument is a missing one.
    /// </summary>
    FromQuery,

    /// <summary>
    /// A field of a form body read into a member of a <c>[FromForm]</c> type, as minimal APIs' form mapper reads it: an
    /// enum name matches without case, and an empty value of a non-nullable value type is not a valid one (400).
    /// </summary>
    FormMember,
}
