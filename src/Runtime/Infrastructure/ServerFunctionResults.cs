using System.ComponentModel;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace SessionAuth.Infrastructure;

/// <summary>Writes what a server function returned: a value as 200 JSON, nothing as 204, an <see cref="IResult"/> by executing it.</summary>
/// <remarks>Used by generated server functions; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ServerFunctionResults
{
    /// <summary>Finds, at startup, the JSON contract for a return type in the app's JSON options.</summary>
    /// <typeparam name="T">The return type.</typeparam>
    /// <param name="services">The application's services.</param>
    /// <returns>The contract.</returns>
    public static JsonTypeInfo<T> GetJsonTypeInfo<T>(IServiceProvider services) => ServerFunctionJson.GetTypeInfo<T>(services, "return type");

    /// <summary>Writes <paramref name="value"/> as a 200 JSON response.</summary>
    /// <typeparam name="T">The return type.</typeparam>
    /// <param name="httpContext">The current request.</param>
    /// <param name="value">The value the function returned.</param>
    /// <param name="typeInfo">The JSON contract of <typeparamref name="T"/>.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public static Task WriteJsonAsync<T>(HttpContext httpContext, T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(typeInfo);

        // As minimal APIs do for a handler declared to return object: an IResult it returns is executed, not serialized.
        if (typeof(T) == typeof(object) && value is IResult result)
        {
            return result.ExecuteAsync(httpContext);
        }

        // As minimal APIs do: a value of a derived type is written as what it is, unless the declared type's contract
        // is polymorphic already (then the contract decides). A value type is always its own type, and is never boxed.
        if (!typeof(T).IsValueType && value is not null && value.GetType() != typeof(T) && typeInfo.PolymorphismOptions is null)
        {
            return httpContext.Response.WriteAsJsonAsync(value, typeInfo.Options.GetTypeInfo(value.GetType()), contentType: null, httpContext.RequestAborted);
        }

        return httpContext.Response.WriteAsJsonAsync(value, typeInfo, contentType: null, httpContext.RequestAborted);
    }

    /// <summary>Waits for the value the function returns later, then writes it as a 200 JSON response.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="httpContext">The current request.</param>
    /// <param name="pending">The task the function returned.</param>
    /// <param name="typeInfo">The JSON contract of <typeparamref name="T"/>.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public static async Task WriteJsonAsync<T>(HttpContext httpContext, Task<T> pending, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(pending);
        await WriteJsonAsync(httpContext, await pending.ConfigureAwait(false), typeInfo).ConfigureAwait(false);
    }

    /// <summary>Waits for the value the function returns later, then writes it as a 200 JSON response.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="httpContext">The current request.</param>
    /// <param name="pending">The task the function returned.</param>
    /// <param name="typeInfo">The JSON contract of <typeparamref name="T"/>.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public static async Task WriteJsonAsync<T>(HttpContext httpContext, ValueTask<T> pending, JsonTypeInfo<T> typeInfo) =>
        await WriteJsonAsync(httpContext, await pending.ConfigureAwait(false), typeInfo).ConfigureAwait(false);

    /// <summary>Waits for a function that returns nothing, then answers 204 No Content.</summary>
    /// <param name="httpContext">The current request.</param>
    /// <param name="pending">The task the function returned.</param>
    /// <returns>A task that completes when the function has finished.</returns>
    public static async Task WriteNoContentAsync(HttpContext httpContext, Task pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        await pending.ConfigureAwait(false);
        await WriteNoContent(httpContext).ConfigureAwait(false);
    }

    /// <summary>Waits for a function that returns nothing, then answers 204 No Content.</summary>
    /// <param name="httpContext">The current request.</param>
    /// <param name="pending">The task the function returned.</param>
    /// <returns>A task that completes when the function has finished.</returns>
    public static async Task WriteNoContentAsync(HttpContext httpContext, ValueTask pending)
    {
        await pending.ConfigureAwait(false);
        await WriteNoContent(httpContext).ConfigureAwait(false);
    }

    /// <summary>Answers 204 No Content, for functions that return nothing.</summary>
    /// <param name="httpContext">The current request.</param>
    /// <returns>A completed task.</returns>
    public static Task WriteNoContent(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>Executes the <see cref="IResult"/> the function returned; <see langword="null"/> answers 204.</summary>
    /// <param name="httpContext">The current request.</param>
    /// <param name="result">The result the function returned.</param>
    /// <returns>A task that completes when the result is written.</returns>
    public static Task ExecuteAsync(HttpContext httpContext, IResult? result)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return result is null ? WriteNoContent(httpContext) : result.ExecuteAsync(httpContext);
    }

    /// <summary>Waits for the <see cref="IResult"/> the function returns later, then executes it; <see langword="null"/> answers 204.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="httpContext">The current request.</param>
    /// <param name="pending">The task the function returned.</param>
    /// <returns>A task that completes when the result is written.</returns>
    public static async Task ExecuteAsync<TResult>(HttpContext httpContext, Task<TResult> pending)
        where TResult : IResult?
    {
        ArgumentNullException.ThrowIfNull(pending);
        await ExecuteAsync(httpContext, await pending.ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>Waits for the <see cref="IResult"/> the function returns later, then executes it; <see langword="null"/> answers 204.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="httpContext">The current request.</param>
    /// <param name="pending">The task the function returned.</param>
    /// <returns>A task that completes when the result is written.</returns>
    public static async Task ExecuteAsync<TResult>(HttpContext httpContext, ValueTask<TResult> pending)
        where TResult : IResult? =>
        await ExecuteAsync(httpContext, await pending.ConfigureAwait(false)).ConfigureAwait(false);
}
