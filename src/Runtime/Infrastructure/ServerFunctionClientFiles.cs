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

    /// <summary>
    /// Registers the generated client of the server functions that <paramref name="endpoints"/> maps: the client
    /// <c>MapServerFunctionClient()</c> serves, checked against the app's JSON options and services with what each
    /// assembly it offers functions of registered (<see cref="RegisterChecks"/>).
    /// </summary>
    /// <param name="endpoints">The application's endpoint route builder, as <c>MapServerFunctions()</c> got it.</param>
    /// <param name="script">The ES module.</param>
    /// <param name="declarations">Its TypeScript declarations.</param>
    /// <param name="assemblies">
    /// The assemblies whose functions the client offers, each by its name and public key token: the app's own first, then
    /// those of the assemblies it maps whose client model it read. The checks each registered are run; those of an
    /// assembly the client leaves out are not.
    /// </param>
    public static void Register(IEndpointRouteBuilder endpoints, string script, string declarations, string[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(declarations);
        ArgumentNullException.ThrowIfNull(assemblies);
        var holder = For(endpoints.ServiceProvider);
        var (json, servicesOrJson) = holder.ChecksOf(assemblies);
        holder.Files = new ClientFiles(new ClientFile(script), new ClientFile(declarations), json, servicesOrJson);
        if (holder.Served)
        {
            Check(endpoints.ServiceProvider, holder.Files);
        }
    }

    /// <summary>
    /// Registers what a client declares of one assembly's server functions, for the start-up checks of whichever client
    /// offers them: called by the assembly's entry method, which every <c>MapServerFunctions()</c> that maps the assembly
    /// calls (the assembly's own, that of an app above it, of a test project), since only the assembly's own code can
    /// name its internal types, and an app at the end of a chain sees none of a far library's. The app's JSON options and
    /// services are the ones checked, whichever assembly declares the function.
    /// </summary>
    /// <param name="services">The application's services, as the entry method got them.</param>
    /// <param name="assembly">The assembly, by its name and public key token, as <see cref="Register"/> lists it.</param>
    /// <param name="json">What the client declares of the JSON of each type the assembly's functions write.</param>
    /// <param name="servicesOrJson">Where the client sends each parameter of the assembly's functions that DI or the JSON body answers.</param>
    public static void RegisterChecks(IServiceProvider services, string assembly, ClientJsonShape[] json, ClientServiceOrJson[] servicesOrJson)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(servicesOrJson);
        For(services).Checks[assembly] = new AssemblyChecks(json, servicesOrJson);
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

        /// <summary>What each assembly mapped so far registered, by its name and public key token; the same for every map that reaches it.</summary>
        public Dictionary<string, AssemblyChecks> Checks { get; } = new(StringComparer.Ordinal);

        /// <summary>
        /// The checks of <paramref name="assemblies"/>, in their order: a type two of them declare alike (a library's type
        /// an app's function returns too) is checked once; a parameter of another assembly's function is named with
        /// that assembly, since the client may number its object (<c>Orders2</c>).
        /// </summary>
        public (List<ClientJsonShape> Json, List<ClientServiceOrJson> ServicesOrJson) ChecksOf(string[] assemblies)
        {
            var json = new List<ClientJsonShape>();
            var servicesOrJson = new List<ClientServiceOrJson>();
            var declared = new HashSet<(Type, string)>();
            for (var index = 0; index < assemblies.Length; index++)
            {
                if (!Checks.TryGetValue(assemblies[index], out var checks))
                {
                    // No entry method of it has run in this app: there is nothing of it to check.
                    continue;
                }

                json.AddRange(checks.Json.Where(shape => declared.Add((shape.Type, shape.Declared))));
                servicesOrJson.AddRange(index == 0 ? checks.ServicesOrJson : checks.ServicesOrJson.Select(parameter => parameter.Of(AssemblyName(assemblies[index]))));
            }

            return (json, servicesOrJson);
        }

        private static string AssemblyName(string assembly) => assembly.Split(',')[0];
    }

    /// <summary>What one assembly's client functions declare, as its entry method registered it.</summary>
    internal sealed record AssemblyChecks(ClientJsonShape[] Json, ClientServiceOrJson[] ServicesOrJson);
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
