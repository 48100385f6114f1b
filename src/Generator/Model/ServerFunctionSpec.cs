namespace SessionAuth.Generators.Model;

// The model is plain values: strings, enums, booleans and EquatableArray. It never holds ISymbol, Compilation,
// SyntaxNode or Location, which would defeat the incremental cache and keep old compilations alive. A test walks
// every model the generator produces and fails on any of them.

/// <summary>One server function, as the emitter needs it: everything decided, nothing left to look up.</summary>
/// <param name="Name">The function's name, <c>{TypePath}.{MethodName}</c>, as shown in metadata and logs.</param>
/// <param name="ContainingType">The declaring type, <c>global::</c>-qualified; functions are mapped type by type.</param>
/// <param name="ContainingTypePath">The declaring type's namespace and type names, joined by dots, for generated names.</param>
/// <param name="MethodName">The method to call.</param>
/// <param name="DisplaySignature">The method as a reader knows it, for the generated docs.</param>
/// <param name="IsStatic">Whether the method is static; an instance method is called on a service from DI.</param>
/// <param name="HttpMethod">The HTTP verb, upper case.</param>
/// <param name="Route">The route pattern.</param>
/// <param name="Guard">Whether the session guard runs, and where it redirects.</param>
/// <param name="PreloadsSession">Whether [PreloadSession] applies (method, class or assembly).</param>
/// <param name="Attributes">The attributes of the method's types and the method, which the endpoint carries as metadata (<see cref="Parsing.EndpointAttributes"/>).</param>
/// <param name="SessionDataType">The session data type when a parameter or a rule names it; otherwise the guard works untyped.</param>
/// <param name="Parameters">The parameters, in call order.</param>
/// <param name="Return">What the method returns and how it is written.</param>
/// <param name="DisabledWarnings">
/// The warnings the generated reference to the method raises and disables around it: CS0612/CS0618 when it or a type
/// of its signature is [Obsolete], and each [Experimental] diagnostic id.
/// </param>
/// <param name="Composites">
/// The arguments built from several of <paramref name="Parameters"/> (<c>[AsParameters]</c>, complex <c>[FromForm]</c>);
/// empty when each parameter is one argument of the method.
/// </param>
/// <param name="MethodParameterTypes">
/// When a parameter's <c>BindAsync</c> takes the function's <c>ParameterInfo</c>: the type that declares the method, then
/// each parameter's type, <c>global::</c>-qualified as <c>typeof</c> takes them; empty otherwise.
/// </param>
/// <param name="Client">
/// How the generated TypeScript client calls the function; set by the generator only (the analyzers, which share the
/// parser, never need it).
/// </param>
internal sealed record ServerFunctionSpec(
    string Name,
    string ContainingType,
    string ContainingTypePath,
    string MethodName,
    string DisplaySignature,
    bool IsStatic,
    string HttpMethod,
    string Route,
    GuardSpec Guard,
    bool PreloadsSession,
    EquatableArray<AttributeSpec> Attributes,
    string? SessionDataType,
    EquatableArray<ParameterSpec> Parameters,
    ReturnSpec Return,
    EquatableArray<string> DisabledWarnings,
    EquatableArray<CompositeArgumentSpec> Composites = default,
    EquatableArray<string> MethodParameterTypes = default,
    ClientFunctionSpec? Client = null)
{
    public bool ReadsSession => Guard.RequiresSession || SessionDataType is not null || Parameters.Any(static p => p.Kind is ParameterKind.Session or ParameterKind.TypedSession);

    /// <summary>Every verb but GET, HEAD and OPTIONS changes state, so only same-site callers may use it.</summary>
    public bool RefusesCrossSite => HttpMethod is not ("GET" or "HEAD" or "OPTIONS");

    public bool BindsArguments => Parameters.Any(static p => p.IsBound);

    /// <summary>
    /// Whether the body is always read before the call. Never beside a <c>Stream</c> or <c>PipeReader</c> parameter,
    /// which reads it itself: the parser lets only a <see cref="ParameterKind.BodyOrService"/> parameter stand beside one,
    /// whose binding decides at start-up whether the body is read.
    /// </summary>
    public bool ReadsBody => !Parameters.Any(static p => p.Kind is ParameterKind.BodyStream or ParameterKind.BodyPipe) && Parameters.Any(static p => p.ReadsBody);

    /// <summary>Whether a <c>[FromBody]</c> parameter takes the whole body as one JSON value.</summary>
    public bool ReadsBodyAsValue => Parameters.Any(static p => p.Kind == ParameterKind.Body);
}

/// <summary>The guard decision: from the method, its classes or the assembly, nearest first.</summary>
/// <param name="RequiresSession">Whether the endpoint requires a session.</param>
/// <param name="RedirectTo">The login path set on the deciding attribute, or <see langword="null"/> for the options' path.</param>
/// <param name="AllowsAnonymous">Whether <c>[AllowAnonymous]</c> decided: the endpoint stays open under a guard convention on its group.</param>
/// <param name="Rules">The <c>[RequireSession&lt;TRule&gt;]</c> rules that must all hold, in the order they are asked.</param>
/// <param name="Authorizes">Whether <c>[Authorize]</c> (an <c>IAuthorizeData</c> attribute the endpoint carries) decided, with neither of the others.</param>
internal sealed record GuardSpec(bool RequiresSession, string? RedirectTo, bool AllowsAnonymous = false, EquatableArray<SessionRuleSpec> Rules = default, bool Authorizes = false)
{
    public static GuardSpec None { get; } = new(false, null);

    /// <summary>
    /// Whether the function's own attributes decide who may call it (SAUTH0001's question): otherwise only a guard on the
    /// group of the <c>MapServerFunctions()</c> that maps it, or a fallback policy, does.
    /// </summary>
    public bool IsDecided => RequiresSession || AllowsAnonymous || Authorizes;
}

/// <summary>One parameter and where its value comes from.</summary>
/// <param name="Name">The parameter name, as the method declares it.</param>
/// <param name="Type">The parameter type, <c>global::</c>-qualified, with nullable annotations.</param>
/// <param name="Kind">How the value is obtained.</param>
/// <param name="Source">For <see cref="ParameterKind.Text"/>: route, query or body.</param>
/// <param name="TextKind">For <see cref="ParameterKind.Text"/>: how the text is parsed.</param>
/// <param name="ValueType">The type the binding parses: the parameter type, or the underlying type of a nullable value type.</param>
/// <param name="IsRequired">Whether a missing value is a 400.</param>
/// <param name="IsNullableValueType">Whether the parameter is <c>T?</c> for a value type.</param>
/// <param name="DefaultValue">The C# expression of the parameter's default value, when it has one.</param>
/// <param name="BindingName">The name the client sends it by: the parameter name, or the <c>Name</c> of its <c>[From...]</c> attribute.</param>
/// <param name="ServiceKey">For <see cref="ParameterKind.KeyedService"/>: the C# expression of the service key.</param>
/// <param name="Binder">
/// For <see cref="ParameterKind.BindAsyncClass"/> and <see cref="ParameterKind.BindAsyncStruct"/>: the C# expression of
/// the type's <c>BindAsync</c> as a binder of the request (a method group, or the runtime's adapter around one).
/// </param>
/// <param name="NullableElements">
/// For <see cref="ParameterKind.TextArray"/>: whether the elements are nullable (<c>int?[]</c>, <c>Money?[]</c>), so that
/// an empty value is <see langword="null"/>; <see cref="IsNullableValueType"/> then tells a nullable struct.
/// </param>
/// <param name="Parser">
/// For <see cref="TextKind.TryParse"/>: the C# expression of the parser generated code passes (the type's own
/// <c>TryParse</c> as a method group, or the runtime's <c>TryCreateUri</c> for a <c>Uri</c>).
/// </param>
internal sealed record ParameterSpec(
    string Name,
    string Type,
    ParameterKind Kind,
    ArgumentSourceSpec Source,
    TextKind TextKind,
    string ValueType,
    bool IsRequired,
    bool IsNullableValueType,
    string? DefaultValue,
    string BindingName,
    string? ServiceKey = null,
    string? Binder = null,
    bool NullableElements = false,
    string? Parser = null,
    bool EmptyIsNull = false)
{
    /// <summary>Whether the value is bound from the request's arguments or services, rather than handed over as it is.</summary>
    public bool IsBound => Kind is ParameterKind.Text or ParameterKind.TextArray or ParameterKind.StringValues or ParameterKind.JsonOrService or ParameterKind.BodyOrService
        or ParameterKind.Service or ParameterKind.KeyedService or ParameterKind.Body or ParameterKind.FormFile or ParameterKind.FormFiles or ParameterKind.Form
        or ParameterKind.BindAsyncClass or ParameterKind.BindAsyncStruct;

    /// <summary>Whether the binding needs the body read: a JSON member, a form field or file, or the whole body.</summary>
    public bool ReadsBody => Kind is ParameterKind.JsonOrService or ParameterKind.Body or ParameterKind.FormFile or ParameterKind.FormFiles or ParameterKind.Form
        || ((Kind is ParameterKind.Text or ParameterKind.TextArray or ParameterKind.StringValues) && Source is ArgumentSourceSpec.Body or ArgumentSourceSpec.Form or ArgumentSourceSpec.FormMember);
}

internal enum ParameterKind
{
    HttpContext,
    HttpRequest,
    HttpResponse,
    CancellationToken,
    User,

    /// <summary>The untyped <c>Session</c>.</summary>
    Session,

    /// <summary><c>Session&lt;T&gt;</c> of the session data type.</summary>
    TypedSession,
    SessionData,
    Text,

    /// <summary>An array of <see cref="TextKind"/> elements: every value of a repeated query key, header or form field.</summary>
    TextArray,
    StringValues,
    JsonOrService,

    /// <summary>
    /// A service-or-JSON parameter beside a <c>Stream</c> or <c>PipeReader</c>: from DI when the app registers its type,
    /// otherwise the whole JSON body, as a minimal API binds it.
    /// </summary>
    BodyOrService,
    Service,
    KeyedService,

    /// <summary>The whole JSON body (<c>[FromBody]</c>).</summary>
    Body,
    BodyStream,
    BodyPipe,
    FormFile,
    FormFiles,
    Form,

    /// <summary>A class whose own static <c>BindAsync</c> (or <c>IBindableFromHttpContext&lt;T&gt;</c>) binds it from the request.</summary>
    BindAsyncClass,

    /// <summary>A struct whose own static <c>BindAsync</c> binds it from the request.</summary>
    BindAsyncStruct,
}

/// <summary>Where a text argument comes from; the generated code names the runtime's <c>ArgumentSource</c> member of the same name.</summary>
internal enum ArgumentSourceSpec
{
    Route,
    Query,
    Body,
    Header,
    Form,

    /// <summary>The query string, named by <c>[FromQuery]</c>: a required argument given empty is missing there.</summary>
    FromQuery,

    /// <summary>A form field read into a member of a <c>[FromForm]</c> type, as minimal APIs' form mapper reads it.</summary>
    FormMember,
}

internal enum TextKind
{
    None,
    String,
    Parsable,
    Enum,

    /// <summary>Not <c>IParsable&lt;T&gt;</c>, but with its own <c>static bool TryParse(string, out T)</c> (<c>Version</c>), which minimal APIs bind by.</summary>
    TryParse,
}

/// <summary>What the method returns.</summary>
/// <param name="Kind">Nothing, a value written as JSON, or an IResult that writes itself.</param>
/// <param name="Awaitable">Whether the method returns the value at once, or later through Task or ValueTask.</param>
/// <param name="ValueType">
/// The type of the value (awaited, when the method is async), <c>global::</c>-qualified with nullable annotations;
/// <see langword="null"/> for <see cref="ReturnKind.NoContent"/>.
/// </param>
/// <param name="DeclaresResponses">
/// For <see cref="ReturnKind.Result"/>: whether the type declares its responses (<c>IEndpointMetadataProvider</c>, as
/// <c>Results&lt;Ok&lt;T&gt;, NotFound&gt;</c> does), which the endpoint then carries as minimal APIs' do.
/// </param>
internal sealed record ReturnSpec(ReturnKind Kind, Awaitable Awaitable, string? ValueType, bool DeclaresResponses = false);

internal enum ReturnKind
{
    NoContent,
    Json,
    Result,
}

internal enum Awaitable
{
    None,
    Task,
    ValueTask,
}
