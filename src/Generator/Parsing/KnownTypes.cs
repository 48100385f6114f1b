using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SessionAuth.Generators.Parsing;

/// <summary>Metadata names of the types the generator recognises.</summary>
internal static class KnownTypeNames
{
    public const string ServerFunctionAttribute = "SessionAuth.ServerFunctionAttribute";
    public const string RequireSessionAttribute = "SessionAuth.RequireSessionAttribute";
    public const string RequireSessionOfRule = "SessionAuth.RequireSessionAttribute`1";
    public const string SessionRuleOfSession = "SessionAuth.ISessionRule`1";
    public const string SessionRuleOfSessionAndArgument = "SessionAuth.ISessionRule`2";
    public const string SessionDataAttribute = "SessionAuth.SessionDataAttribute";
    public const string PreloadSessionAttribute = "SessionAuth.PreloadSessionAttribute";
    public const string Session = "SessionAuth.Session";
    public const string SessionOfT = "SessionAuth.Session`1";
    public const string AllowAnonymous = "Microsoft.AspNetCore.Authorization.IAllowAnonymous";
    public const string AuthorizeData = "Microsoft.AspNetCore.Authorization.IAuthorizeData";
    public const string FromServiceMetadata = "Microsoft.AspNetCore.Http.Metadata.IFromServiceMetadata";
    public const string HttpContext = "Microsoft.AspNetCore.Http.HttpContext";
    public const string HttpRequest = "Microsoft.AspNetCore.Http.HttpRequest";
    public const string HttpResponse = "Microsoft.AspNetCore.Http.HttpResponse";
    public const string Result = "Microsoft.AspNetCore.Http.IResult";
    public const string EndpointMetadataProvider = "Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider";
    public const string ClaimsPrincipal = "System.Security.Claims.ClaimsPrincipal";
    public const string CancellationToken = "System.Threading.CancellationToken";
    public const string Task = "System.Threading.Tasks.Task";
    public const string TaskOfT = "System.Threading.Tasks.Task`1";
    public const string ValueTask = "System.Threading.Tasks.ValueTask";
    public const string ValueTaskOfT = "System.Threading.Tasks.ValueTask`1";
    public const string Parsable = "System.IParsable`1";
    public const string FromQueryMetadata = "Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata";
    public const string FromRouteMetadata = "Microsoft.AspNetCore.Http.Metadata.IFromRouteMetadata";
    public const string FromHeaderMetadata = "Microsoft.AspNetCore.Http.Metadata.IFromHeaderMetadata";
    public const string FromFormMetadata = "Microsoft.AspNetCore.Http.Metadata.IFromFormMetadata";
    public const string FromBodyMetadata = "Microsoft.AspNetCore.Http.Metadata.IFromBodyMetadata";
    public const string FromKeyedServices = "Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute";
    public const string AsParameters = "Microsoft.AspNetCore.Http.AsParametersAttribute";
    public const string FormFile = "Microsoft.AspNetCore.Http.IFormFile";
    public const string FormFileCollection = "Microsoft.AspNetCore.Http.IFormFileCollection";
    public const string FormCollection = "Microsoft.AspNetCore.Http.IFormCollection";
    public const string Stream = "System.IO.Stream";
    public const string PipeReader = "System.IO.Pipelines.PipeReader";
    public const string StringValues = "Microsoft.Extensions.Primitives.StringValues";
    public const string Uri = "System.Uri";
    public const string ParameterInfo = "System.Reflection.ParameterInfo";
    public const string BindableFromHttpContext = "Microsoft.AspNetCore.Http.IBindableFromHttpContext`1";
}

/// <summary>The symbols of <see cref="KnownTypeNames"/> in one compilation, looked up once per compilation.</summary>
internal sealed class KnownTypes
{
    // GetTypeByMetadataName searches every referenced assembly on each call, and the generator parses every server
    // function again after each edit: eighteen searches per function made a project of 5,000 functions pay 90,000 of
    // them per keystroke. The table holds the compilation weakly, so no old compilation is kept alive.
    private static readonly ConditionalWeakTable<Compilation, KnownTypes> ByCompilation = new();

    public KnownTypes(Compilation compilation)
    {
        RequireSession = compilation.GetTypeByMetadataName(KnownTypeNames.RequireSessionAttribute);
        RequireSessionOfRule = compilation.GetTypeByMetadataName(KnownTypeNames.RequireSessionOfRule);
        SessionRuleOfSession = compilation.GetTypeByMetadataName(KnownTypeNames.SessionRuleOfSession);
        SessionRuleOfSessionAndArgument = compilation.GetTypeByMetadataName(KnownTypeNames.SessionRuleOfSessionAndArgument);
        SessionData = compilation.GetTypeByMetadataName(KnownTypeNames.SessionDataAttribute);
        PreloadSession = compilation.GetTypeByMetadataName(KnownTypeNames.PreloadSessionAttribute);
        Session = compilation.GetTypeByMetadataName(KnownTypeNames.Session);
        SessionOfT = compilation.GetTypeByMetadataName(KnownTypeNames.SessionOfT);
        AllowAnonymous = compilation.GetTypeByMetadataName(KnownTypeNames.AllowAnonymous);
        AuthorizeData = compilation.GetTypeByMetadataName(KnownTypeNames.AuthorizeData);
        FromServiceMetadata = compilation.GetTypeByMetadataName(KnownTypeNames.FromServiceMetadata);
        HttpContext = compilation.GetTypeByMetadataName(KnownTypeNames.HttpContext);
        HttpRequest = compilation.GetTypeByMetadataName(KnownTypeNames.HttpRequest);
        HttpResponse = compilation.GetTypeByMetadataName(KnownTypeNames.HttpResponse);
        Result = compilation.GetTypeByMetadataName(KnownTypeNames.Result);
        EndpointMetadataProvider = compilation.GetTypeByMetadataName(KnownTypeNames.EndpointMetadataProvider);
        ClaimsPrincipal = compilation.GetTypeByMetadataName(KnownTypeNames.ClaimsPrincipal);
        CancellationToken = compilation.GetTypeByMetadataName(KnownTypeNames.CancellationToken);
        Task = compilation.GetTypeByMetadataName(KnownTypeNames.Task);
        TaskOfT = compilation.GetTypeByMetadataName(KnownTypeNames.TaskOfT);
        ValueTask = compilation.GetTypeByMetadataName(KnownTypeNames.ValueTask);
        ValueTaskOfT = compilation.GetTypeByMetadataName(KnownTypeNames.ValueTaskOfT);
        Parsable = compilation.GetTypeByMetadataName(KnownTypeNames.Parsable);
        FromQueryMetadata = compilation.GetTypeByMetadataName(KnownTypeNames.FromQueryMetadata);
        FromRouteMetadata = compilation.GetTypeByMetadataName(KnownTypeNames.FromRouteMetadata);
        FromHeaderMetadata = compilation.GetTypeByMetadataName(KnownTypeNames.FromHeaderMetadata);
        FromFormMetadata = compilation.GetTypeByMetadataName(KnownTypeNames.FromFormMetadata);
        FromBodyMetadata = compilation.GetTypeByMetadataName(KnownTypeNames.FromBodyMetadata);
        FromKeyedServices = compilation.GetTypeByMetadataName(KnownTypeNames.FromKeyedServices);
        AsParameters = compilation.GetTypeByMetadataName(KnownTypeNames.AsParameters);
        FormFile = compilation.GetTypeByMetadataName(KnownTypeNames.FormFile);
        FormFileCollection = compilation.GetTypeByMetadataName(KnownTypeNames.FormFileCollection);
        FormCollection = compilation.GetTypeByMetadataName(KnownTypeNames.FormCollection);
        Stream = compilation.GetTypeByMetadataName(KnownTypeNames.Stream);
        PipeReader = compilation.GetTypeByMetadataName(KnownTypeNames.PipeReader);
        StringValues = compilation.GetTypeByMetadataName(KnownTypeNames.StringValues);
        Uri = compilation.GetTypeByMetadataName(KnownTypeNames.Uri);
        ParameterInfo = compilation.GetTypeByMetadataName(KnownTypeNames.ParameterInfo);
        BindableFromHttpContext = compilation.GetTypeByMetadataName(KnownTypeNames.BindableFromHttpContext);
    }

    /// <summary>The known types of <paramref name="compilation"/>, looked up on its first use only.</summary>
    public static KnownTypes For(Compilation compilation) => ByCompilation.GetValue(compilation, static c => new KnownTypes(c));

    public INamedTypeSymbol? RequireSession { get; }

    /// <summary><c>RequireSessionAttribute&lt;TRule&gt;</c>, unconstructed.</summary>
    public INamedTypeSymbol? RequireSessionOfRule { get; }

    /// <summary><c>ISessionRule&lt;TSession&gt;</c>, unconstructed.</summary>
    public INamedTypeSymbol? SessionRuleOfSession { get; }

    /// <summary><c>ISessionRule&lt;TSession, TArgument&gt;</c>, unconstructed.</summary>
    public INamedTypeSymbol? SessionRuleOfSessionAndArgument { get; }

    public INamedTypeSymbol? SessionData { get; }

    public INamedTypeSymbol? PreloadSession { get; }

    public INamedTypeSymbol? Session { get; }

    public INamedTypeSymbol? SessionOfT { get; }

    public INamedTypeSymbol? AllowAnonymous { get; }

    public INamedTypeSymbol? AuthorizeData { get; }

    public INamedTypeSymbol? FromServiceMetadata { get; }

    public INamedTypeSymbol? HttpContext { get; }

    public INamedTypeSymbol? HttpRequest { get; }

    public INamedTypeSymbol? HttpResponse { get; }

    public INamedTypeSymbol? Result { get; }

    /// <summary><c>IEndpointMetadataProvider</c>: a result type that declares its responses (<c>Results&lt;Ok&lt;T&gt;, NotFound&gt;</c>).</summary>
    public INamedTypeSymbol? EndpointMetadataProvider { get; }

    public INamedTypeSymbol? ClaimsPrincipal { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? Parsable { get; }

    public INamedTypeSymbol? FromQueryMetadata { get; }

    public INamedTypeSymbol? FromRouteMetadata { get; }

    public INamedTypeSymbol? FromHeaderMetadata { get; }

    public INamedTypeSymbol? FromFormMetadata { get; }

    public INamedTypeSymbol? FromBodyMetadata { get; }

    public INamedTypeSymbol? FromKeyedServices { get; }

    public INamedTypeSymbol? AsParameters { get; }

    public INamedTypeSymbol? FormFile { get; }

    public INamedTypeSymbol? FormFileCollection { get; }

    public INamedTypeSymbol? FormCollection { get; }

    public INamedTypeSymbol? Stream { get; }

    public INamedTypeSymbol? PipeReader { get; }

    public INamedTypeSymbol? StringValues { get; }

    /// <summary><c>System.Uri</c>: text to minimal APIs, which create it with <c>Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out ...)</c>.</summary>
    public INamedTypeSymbol? Uri { get; }

    public INamedTypeSymbol? ParameterInfo { get; }

    /// <summary><c>IBindableFromHttpContext&lt;TSelf&gt;</c>, unconstructed.</summary>
    public INamedTypeSymbol? BindableFromHttpContext { get; }

    /// <summary>Whether the compilation references the SessionAuth runtime and ASP.NET Core, without which nothing can be generated.</summary>
    public bool IsComplete => RequireSession is not null && SessionOfT is not null && Session is not null && HttpContext is not null && Result is not null;

    /// <summary>
    /// Whether <paramref name="attributeClass"/> asks for a session: <c>[RequireSession]</c>, <c>[RequireSession&lt;TRule&gt;]</c>
    /// or any other class derived from it, all of which ASP.NET Core's <c>GetMetadata&lt;RequireSessionAttribute&gt;()</c> finds.
    /// </summary>
    public bool IsRequireSession(ITypeSymbol? attributeClass)
    {
        for (var type = attributeClass; type is not null && RequireSession is not null; type = type.BaseType)
        {
            if (Is(type, RequireSession))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An attribute class's name as C# lets it be written: <c>Authorize</c> for <c>AuthorizeAttribute</c>.</summary>
    public static string AttributeName(INamedTypeSymbol attributeClass) =>
        attributeClass.Name.EndsWith("Attribute", StringComparison.Ordinal)
            ? attributeClass.Name.Substring(0, attributeClass.Name.Length - "Attribute".Length)
            : attributeClass.Name;

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type, known);

    public static bool IsConstructedFrom(ITypeSymbol? type, INamedTypeSymbol? genericDefinition) =>
        genericDefinition is not null && type is INamedTypeSymbol { IsGenericType: true } named
        && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, genericDefinition);

    public static bool Implements(ITypeSymbol type, INamedTypeSymbol? @interface) =>
        @interface is not null && (Is(type, @interface) || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, @interface)));
}
