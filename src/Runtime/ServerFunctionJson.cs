using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SessionAuth;

/// <summary>Finds JSON contracts in the app's configured <see cref="JsonOptions"/>, once, at startup.</summary>
internal static class ServerFunctionJson
{
    public static JsonTypeInfo<T> GetTypeInfo<T>(IServiceProvider services, string purpose) =>
        (JsonTypeInfo<T>)GetTypeInfo(services, typeof(T), purpose);

    /// <summary>The contract for <paramref name="type"/>; fails with what to register when the app's resolver lacks it (AOT apps).</summary>
    public static JsonTypeInfo GetTypeInfo(IServiceProvider services, Type type, string purpose)
    {
        var options = Options(services);
        try
        {
            return options.GetTypeInfo(type);
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"SessionAuth cannot serialize {type.FullName} (the {purpose}) with the app's JSON options. Add it to a JsonSerializerContext and register that context with builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, MyJsonContext.Default)).",
                exception);
        }
    }

    /// <summary>The app's JSON options, as minimal APIs and server functions read and write with them.</summary>
    public static System.Text.Json.JsonSerializerOptions Options(IServiceProvider services) =>
        services.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions
            ?? throw new InvalidOperationException("JSON options are not registered. Build the app with WebApplication.CreateBuilder or call services.AddRouting().");
}
