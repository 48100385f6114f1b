using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using SessionAuth.Infrastructure;

namespace SessionAuth.OpenApi;

/// <summary>
/// The standard response metadata (<see cref="IProducesResponseTypeMetadata"/>) a server function's endpoint carries,
/// which every API description reads: its success, and the problems its guard and binding can answer. The instances
/// are shared between endpoints, so a large app pays one array per function for them.
/// </summary>
internal static class ServerFunctionResponses
{
    private const string ProblemJson = "application/problem+json";

    private static readonly ProducesResponseTypeMetadata NoContent = new(StatusCodes.Status204NoContent);
    private static readonly ProducesResponseTypeMetadata BadRequest = Problem(StatusCodes.Status400BadRequest);
    private static readonly ProducesResponseTypeMetadata Unauthorized = Problem(StatusCodes.Status401Unauthorized);
    private static readonly ProducesResponseTypeMetadata Forbidden = Problem(StatusCodes.Status403Forbidden);
    private static readonly ProducesResponseTypeMetadata UnsupportedMediaType = Problem(StatusCodes.Status415UnsupportedMediaType);
    private static readonly ProducesResponseTypeMetadata Unavailable = Problem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>
    /// Appends the endpoint's response metadata to <paramref name="metadata"/>: the success its result kind gives, 400
    /// when it binds arguments, 415 when it reads a body, 403 when it refuses cross-site calls, and the guard's problems.
    /// </summary>
    public static void AddTo(List<object> metadata, ServerFunctionApi api, bool bindsArguments, bool guarded)
    {
        switch (api.ResultKind)
        {
            case ServerFunctionResultKind.NoContent:
                metadata.Add(NoContent);
                break;
            case ServerFunctionResultKind.Json:
                metadata.Add(api.JsonSuccess!);
                break;
        }

        if (bindsArguments || api.ReadsBody)
        {
            metadata.Add(BadRequest);
        }

        if (api.ReadsBody)
        {
            metadata.Add(UnsupportedMediaType);
        }

        if (guarded)
        {
            metadata.Add(Unauthorized);
            metadata.Add(Forbidden);
            metadata.Add(Unavailable);
        }
        else if (api.RefusesCrossSite)
        {
            metadata.Add(Forbidden);
        }
    }

    /// <summary>
    /// Removes from <paramref name="metadata"/> each of <paramref name="responses"/> (what <see cref="AddTo"/> added)
    /// whose status other response metadata of the endpoint declares: a result type that answers it
    /// (<c>Results&lt;Ok&lt;T&gt;, BadRequest&gt;</c> declares a 400), a <c>[ProducesResponseType]</c>, a convention. An API
    /// description has one response per status, and the framework's OpenAPI document fails (500) on two.
    /// </summary>
    internal static void YieldToDeclared(IList<object> metadata, object[] responses)
    {
        HashSet<int>? declared = null;
        foreach (var item in metadata)
        {
            if (item is IProducesResponseTypeMetadata produces && Array.IndexOf(responses, item) < 0)
            {
                (declared ??= []).Add(produces.StatusCode);
            }
        }

        if (declared is null)
        {
            return;
        }

        for (var i = metadata.Count - 1; i >= 0; i--)
        {
            if (metadata[i] is IProducesResponseTypeMetadata produces && Array.IndexOf(responses, metadata[i]) >= 0 && declared.Contains(produces.StatusCode))
            {
                metadata.RemoveAt(i);
            }
        }
    }

    private static ProducesResponseTypeMetadata Problem(int statusCode) => new(statusCode, typeof(ProblemDetails), [ProblemJson]);

    /// <summary>The 200 of a function that returns a <typeparamref name="T"/> as JSON; one instance per type.</summary>
    internal static class JsonOf<T>
    {
        public static readonly ProducesResponseTypeMetadata Ok = new(StatusCodes.Status200OK, typeof(T), ["application/json"]);
    }
}
