using System.ComponentModel;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using SessionAuth.OpenApi;

namespace SessionAuth.Infrastructure;

/// <summary>
/// What a server function reads from the request and what it answers, for API descriptions (OpenAPI): its bindings,
/// kept as they were built at startup, and its result. Nothing is described until a document is asked for.
/// </summary>
/// <remarks>Used by generated server functions; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ServerFunctionApi
{
    private readonly object[] _bindings;
    private ServerFunctionParameterDescription[]? _parameters;

    private ServerFunctionApi(ServerFunctionSteps steps, ServerFunctionResultKind result, Type? resultType, ProducesResponseTypeMetadata? jsonSuccess, bool readsRawBody, object[] bindings)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        ReadsBody = (steps & (ServerFunctionSteps.ReadBody | ServerFunctionSteps.ReadBodyAsValue)) != 0;
        RefusesCrossSite = (steps & ServerFunctionSteps.RefuseCrossSite) != 0;
        ResultKind = result;
        ResultType = resultType;
        JsonSuccess = jsonSuccess;
        ReadsRawBody = readsRawBody;
        _bindings = bindings;
    }

    /// <summary>A function that answers 204 (it returns nothing, or a task of nothing).</summary>
    /// <param name="steps">The function's steps, which say whether it reads a body.</param>
    /// <param name="readsRawBody">Whether a parameter takes the body as it comes (<c>Stream</c>, <c>PipeReader</c>).</param>
    /// <param name="bindings">The function's parameter bindings, in order.</param>
    /// <returns>The description's source.</returns>
    public static ServerFunctionApi NoContent(ServerFunctionSteps steps, bool readsRawBody, params object[] bindings) =>
        new(steps, ServerFunctionResultKind.NoContent, null, null, readsRawBody, bindings);

    /// <summary>A function that answers 200 with the value it returns, as JSON.</summary>
    /// <typeparam name="TResult">The type of the value (awaited, when the function is async).</typeparam>
    /// <param name="steps">The function's steps, which say whether it reads a body.</param>
    /// <param name="readsRawBody">Whether a parameter takes the body as it comes (<c>Stream</c>, <c>PipeReader</c>).</param>
    /// <param name="bindings">The function's parameter bindings, in order.</param>
    /// <returns>The description's source.</returns>
    public static ServerFunctionApi Json<TResult>(ServerFunctionSteps steps, bool readsRawBody, params object[] bindings) =>
        new(steps, ServerFunctionResultKind.Json, typeof(TResult), ServerFunctionResponses.JsonOf<TResult>.Ok, readsRawBody, bindings);

    /// <summary>A function that returns an <see cref="IResult"/>: what it answers is what the result's type declares.</summary>
    /// <typeparam name="TResult">The result type (awaited, when the function is async).</typeparam>
    /// <param name="steps">The function's steps, which say whether it reads a body.</param>
    /// <param name="readsRawBody">Whether a parameter takes the body as it comes (<c>Stream</c>, <c>PipeReader</c>).</param>
    /// <param name="method">The function's method, which <see cref="IEndpointMetadataProvider.PopulateMetadata"/> is given.</param>
    /// <param name="resultMetadata">
    /// Adds what the result type declares to the endpoint (<see cref="ResultMetadata{TResult}"/>), as minimal APIs add it;
    /// <see langword="null"/> when the type declares nothing.
    /// </param>
    /// <param name="bindings">The function's parameter bindings, in order.</param>
    /// <returns>The description's source.</returns>
    public static ServerFunctionApi Result<TResult>(ServerFunctionSteps steps, bool readsRawBody, MethodInfo? method, Action<MethodInfo, EndpointBuilder>? resultMetadata, params object[] bindings) =>
        new(steps, ServerFunctionResultKind.Result, typeof(TResult), null, readsRawBody, bindings)
        {
            Method = method,
            PopulateResultMetadata = resultMetadata,
        };

    /// <summary>
    /// Adds the responses a result type declares (<c>Results&lt;Ok&lt;T&gt;, NotFound&gt;</c>) to a server function's
    /// endpoint; generated code passes it as a method group, so no reflection finds the type's static method.
    /// </summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="method">The function's method.</param>
    /// <param name="builder">The endpoint's builder.</param>
    public static void ResultMetadata<TResult>(MethodInfo method, EndpointBuilder builder)
        where TResult : IEndpointMetadataProvider =>
        TResult.PopulateMetadata(method, builder);

    /// <summary>The function's method, for <see cref="PopulateResultMetadata"/>.</summary>
    internal MethodInfo? Method { get; private init; }

    /// <summary>Adds what the result type declares to the endpoint; <see langword="null"/> when it declares nothing.</summary>
    internal Action<MethodInfo, EndpointBuilder>? PopulateResultMetadata { get; private init; }

    internal ServerFunctionResultKind ResultKind { get; }

    /// <summary>The type of the value written as JSON, or of the <see cref="IResult"/>; <see langword="null"/> for 204.</summary>
    internal Type? ResultType { get; }

    /// <summary>The 200 of a function that writes its value as JSON.</summary>
    internal ProducesResponseTypeMetadata? JsonSuccess { get; }

    /// <summary>Whether a parameter takes the body as it comes (<c>Stream</c>, <c>PipeReader</c>).</summary>
    internal bool ReadsRawBody { get; }

    /// <summary>Whether the endpoint refuses cross-site browser calls (403): its verb changes state.</summary>
    internal bool RefusesCrossSite { get; }

    /// <summary>Whether the endpoint reads the body before the call (a JSON object, form fields or a <c>[FromBody]</c> value).</summary>
    internal bool ReadsBody { get; }

    /// <summary>The arguments the function reads from the request, described on first use.</summary>
    internal ServerFunctionParameterDescription[] Parameters => _parameters ??= Describe(_bindings);

    private static ServerFunctionParameterDescription[] Describe(object[] bindings)
    {
        var described = new List<ServerFunctionParameterDescription>(bindings.Length);
        foreach (var binding in bindings)
        {
            if (binding is IDescribedBinding { } source && source.Describe() is { } description)
            {
                described.Add(description);
            }
        }

        return [.. described];
    }
}

/// <summary>How a server function's result is written.</summary>
internal enum ServerFunctionResultKind
{
    NoContent,
    Json,
    Result,
}

/// <summary>A binding that can say what it reads from the request (every <see cref="ParameterBinding{T}"/>).</summary>
internal interface IDescribedBinding
{
    ServerFunctionParameterDescription? Describe();
}
