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
    public static void Register(IEndpointRouteBuilder endpoints, string script, string declarations)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(declarations);
        For(endpoints.ServiceProvider).Files = new ClientFiles(new ClientFile(script), new ClientFile(declarations));
    }

    internal static Holder For(IServiceProvider services) => ByServices.GetValue(services, static _ => new Holder());

    /// <summary>The app's client once <c>MapServerFunctions()</c> has registered it; <see langword="null"/> before.</summary>
    internal sealed class Holder
    {
        public ClientFiles? Files { get; set; }
    }
}

/// <summary>The module and its declarations.</summary>
internal sealed record ClientFiles(ClientFile Script, ClientFile Declarations);

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
