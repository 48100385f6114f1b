using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Routing;

namespace SessionAuth.Infrastructure;

/// <summary>Holds the generated browser client of an app's server functions until <c>MapServerFunctionClient()</c> serves it.</summary>
/// <remarks>Used by the generated <c>MapServerFunctions()</c>; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ServerFunctionClientFiles
{
    // Keyed by the app's services, as the endpoints are: two apps in one process (tests) each serve their own client.
    private static readonly ConditionalWeakTable<IServiceProvider, Holder> ByServices = new();

    /// <summary>Registers the generated client of the server functions that <paramref name="endpoints"/> maps.</summary>
    /// <param name="endpoints">The application's endpoint route builder, as <c>MapServerFunctions()</c> got it.</param>
    /// <param name="script">The ES module.</param>
    /// <param name="declarations">Its TypeScript declarations.</param>
    /// <param name="json">What the declarations say of the JSON of each type they declare.</param>
    /// <param name="servicesOrJson">Where the client sends each parameter that DI or the JSON body answers.</param>
    public static void Register(IEndpointRouteBuilder endpoints, string script, string declarations, ClientJsonShape[] json, ClientServiceOrJson[] servicesOrJson)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(declarations);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(servicesOrJson);
        var holder = For(endpoints.ServiceProvider);
        holder.Files = new ClientFiles(new ClientFile(script), new ClientFile(declarations), json, servicesOrJson);
        if (holder.Served)
        {
            Check(endpoints.ServiceProvider, holder.Files);
        }
    }

    internal static Holder For(IServiceProvider services) => ByServices.GetValue(services, static _ => new Holder());

    /// <summary>
    /// The client is served (<c>MapServerFunctionClient()</c>): its declarations must describe the app's JSON. Checked
    /// when both calls have been made, in either order, so a mismatch stops the start.
    /// </summary>
    internal static void Serve(IServiceProvider services, Holder holder)
    {
        holder.Served = true;
        if (holder.Files is { } files)
        {
            Check(services, files);
        }
    }

    private static void Check(IServiceProvider services, ClientFiles files)
    {
        ClientServiceOrJson.Check(files.ServicesOrJson, services);
        ClientJsonShape.Check(files.Json, ServerFunctionJson.Options(services));
    }

    /// <summary>The app's client once <c>MapServerFunctions()</c> has registered it; <see langword="null"/> before.</summary>
    internal sealed class Holder
    {
        public ClientFiles? Files { get; set; }

        public bool Served { get; set; }
    }
}

/// <summary>The module, its declarations, what they say of the app's JSON, and which parameters the client leaves to DI.</summary>
internal sealed record ClientFiles(ClientFile Script, ClientFile Declarations, IReadOnlyList<ClientJsonShape> Json, IReadOnlyList<ClientServiceOrJson> ServicesOrJson);

/// <summary>One file of the client: its bytes, and a strong ETag of them.</summary>
internal sealed class ClientFile
{
    public ClientFile(string text)
    {
        Content = Encoding.UTF8.GetBytes(text);
        ETag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Content), 0, 16) + "\"";
    }

    public byte[] Content { get; }

    public string ETag { get; }
}
