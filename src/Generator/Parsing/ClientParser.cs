using System.Globalization;
using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Emitting;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// Describes a parsed server function to the generated TypeScript client: which of its parameters the caller passes and
/// where they go, and the TypeScript types of those arguments and of its result, as System.Text.Json writes them with
/// the web defaults minimal APIs use (camelCase names, enums as numbers unless a string converter is named).
/// </summary>
/// <remarks>
/// A type it cannot describe faithfully (a custom converter, an abstract type, an interface that is no collection, a type
/// parameter) is <c>unknown</c>, never a guess.
/// </remarks>
internal sealed class ClientParser
{
    private const string JsonAttributes = "System.Text.Json.Serialization.";

    /// <summary>Ends the key of an enum the client declares by its JSON names: the same enum sent as numbers is another type.</summary>
    public const string TextEnumKeySuffix = " as string";

    /// <summary>
    /// How the client's types are keyed: fully qualified with nullable annotations, so that <c>Page&lt;string&gt;</c> and
    /// <c>Page&lt;string?&gt;</c>, whose nulls differ, are two declarations.
    /// </summary>
    private static readonly SymbolDisplayFormat KeyFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private readonly Dictionary<string, ClientNamedTypeSpec?> _named = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly List<ClientServiceOrJsonSpec> _servicesOrJson = [];

    /// <summary>The client of <paramref name="function"/>, parsed from <paramref name="method"/>.</summary>
    public static ClientFunctionSpec Parse(IMethodSymbol method, ServerFunctionSpec function)
    {
        var parser = new ClientParser();
        var parameterTypes = ParameterTypes(method, function);
        var names = new UniqueNames(StringComparer.Ordinal);
        var parameters = new List<ClientParameterSpec>();

        for (var i = 0; i < function.Parameters.Count; i++)
        {
            var (type, clientName) = parameterTypes[i];

            if (parser.Parameter(function.Parameters[i], type, names.Take(SafeIdentifier(CamelCase(clientName)))) is { } parameter)
            {
                parameters.Add(parameter);
            }
        }

        // A HEAD answer carries no body: whatever the method returns, the call resolves to undefined.
        var returns = function.HttpMethod == "HEAD" ? ClientTypeSpec.Void : parser.Return(method, function.Return);
        return new ClientFunctionSpec(
            CamelCase(method.Name),
            function.HttpMethod,
            function.Route,
            parameters.ToEquatableArray(),
            returns,
            parser._order.Select(key => parser._named[key]!).ToEquatableArray(),
            parser._servicesOrJson.ToEquatableArray());
    }

    /// <summary>The name STJ's <c>JsonNamingPolicy.CamelCase</c> gives <paramref name="name"/>.</summary>
    public static string CamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            var hasNext = i + 1 < chars.Length;
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                if (chars[i + 1] == ' ')
                {
                    chars[i] = char.ToLowerInvariant(chars[i]);
                }

                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>The type of each bound value of <paramref name="function"/> and the name the caller knows it by: a parameter's own, or an <c>[AsParameters]</c> member's.</summary>
    private static List<(ITypeSymbol Type, string Name)> ParameterTypes(IMethodSymbol method, ServerFunctionSpec function)
    {
        var types = new List<(ITypeSymbol, string)>(function.Parameters.Count);
        for (var position = 0; position < method.Parameters.Length; position++)
        {
            var parameter = method.Parameters[position];
            var composite = function.Composites.FirstOrDefault(c => c.Position == position);
            if (composite is null)
            {
                types.Add((parameter.Type, parameter.Name));
                continue;
            }

            foreach (var member in composite.Members)
            {
                var property = AllMembers(parameter.Type).OfType<IPropertySymbol>().FirstOrDefault(p => p.Name == member.Name);
                types.Add((property?.Type ?? parameter.Type, member.Name));
            }
        }

        return types;
    }

    /// <summary>
    /// Whether generated code can name <paramref name="type"/> in <c>typeof</c> without a new diagnostic: it, its containing
    /// types and its type arguments accessible from the assembly and none [Obsolete] or [Experimental].
    /// </summary>
    private static bool IsCheckable(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => IsCheckable(array.ElementType),
        INamedTypeSymbol named => !IsMarked(named)
            && named.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal
            && (named.ContainingType is null || IsCheckable(named.ContainingType))
            && named.TypeArguments.All(IsCheckable),
        _ => false,
    };

    private static bool IsMarked(ISymbol symbol) =>
        symbol.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() is "System.ObsoleteAttribute" or "System.Diagnostics.CodeAnalysis.ExperimentalAttribute");

    /// <summary>
    /// Whether a parameter that DI or the JSON body answers is taken for a service: an interface or abstract class that is
    /// no collection and declares no JSON polymorphism (<c>ILogger&lt;T&gt;</c>, <c>IOptions&lt;T&gt;</c>, a repository's
    /// interface), a framework type JSON has no shape for (<c>HttpClient</c>, <c>TimeProvider</c>), or a class derived from a
    /// framework class (a <c>DbContext</c>). Any other type, a record without members included, is JSON, as the server
    /// reads it unless the app registers it; so is a type a [JsonConverter] reads, and System.Text.Json's own JSON values.
    /// </summary>
    private static bool IsServiceLike(ITypeSymbol type)
    {
        var underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
        if (underlying is not INamedTypeSymbol named || underlying.SpecialType != SpecialType.None)
        {
            return false;
        }

        if (Dictionary(named) is not null || Enumerable(named) is not null || NonGenericCollection(named) is not null)
        {
            return false;
        }

        // JSON reads these whatever their kind: System.Text.Json's own values of any JSON, and a type its [JsonConverter]
        // reads (an interface's too).
        if (IsJsonValue(named) || ConverterOf(named) is not null)
        {
            return false;
        }

        if (named.TypeKind == TypeKind.Interface || named.IsAbstract)
        {
            return !HasPolymorphism(named);
        }

        if (IsFramework(named))
        {
            return !IsFrameworkValue(named);
        }

        for (var baseType = named.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (baseType.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType) && IsFramework(baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a type is one of System.Text.Json's values of any JSON: <c>JsonElement</c>, <c>JsonDocument</c>, <c>JsonNode</c> and its kinds.</summary>
    private static bool IsJsonValue(INamedTypeSymbol type) =>
        FullName(type) is "System.Text.Json.JsonElement" or "System.Text.Json.JsonDocument"
        || type.ContainingNamespace?.ToDisplayString() == "System.Text.Json.Nodes";

    /// <summary>Whether a framework type is one JSON writes as a value the client declares (a <c>Guid</c>, a <c>DateOnly</c>).</summary>
    private static bool IsFrameworkValue(INamedTypeSymbol type) =>
        FullName(type) is "System.Guid" or "System.DateTimeOffset" or "System.DateOnly" or "System.TimeOnly" or "System.TimeSpan" or "System.Uri"
            or "System.Version" or "System.Int128" or "System.UInt128" or "System.Half" or "Microsoft.Extensions.Primitives.StringValues"
        || type.TypeKind == TypeKind.Enum;

    private ClientParameterSpec? Parameter(ParameterSpec parameter, ITypeSymbol type, string name)
    {
        var optional = !parameter.IsRequired;
        switch (parameter.Kind)
        {
            case ParameterKind.Text or ParameterKind.TextArray:
                return new(name, parameter.BindingName, SourceOf(parameter.Source), MapText(type, parameter.Source == ArgumentSourceSpec.Header), optional, TextNames(type));
            case ParameterKind.StringValues:
                // fetch joins the values of one header name into one line, which StringValues takes whole (it splits no
                // commas): a header's StringValues receives one item from the client, the text passed.
                return new(name, parameter.BindingName, SourceOf(parameter.Source), parameter.Source == ArgumentSourceSpec.Header ? ClientTypeSpec.Keyword("string") : ClientTypeSpec.ArrayOf(ClientTypeSpec.Keyword("string")), optional);
            case ParameterKind.Body:
                return new(name, parameter.BindingName, ClientArgumentSource.Body, Map(type), optional);
            case ParameterKind.JsonOrService or ParameterKind.BodyOrService:
                // DI answers it when the app registers the type, the JSON body (or its member) otherwise, which only the
                // running app knows (minimal APIs ask IServiceProviderIsService at start-up). The client guesses as a .NET
                // reader would, and the runtime checks the guess against the app's services when it serves the client
                // (ClientServiceOrJson).
                // Beside a Stream or PipeReader the client sends the raw body, so it takes such a parameter for a service
                // whatever its type: a function that takes the raw body means to read it, which a JSON body would leave
                // at its end.
                var isService = parameter.Kind == ParameterKind.BodyOrService || IsServiceLike(type);
                if (IsCheckable(type))
                {
                    _servicesOrJson.Add(new ClientServiceOrJsonSpec(parameter.Name, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), !isService));
                }

                return isService ? null : new(name, parameter.BindingName, ClientArgumentSource.Json, Map(type), optional);
            case ParameterKind.FormFile:
                return new(name, parameter.BindingName, ClientArgumentSource.Form, Nullable(type, ClientTypeSpec.Keyword("Blob")), optional);
            case ParameterKind.FormFiles:
                return new(name, parameter.BindingName, ClientArgumentSource.Form, ClientTypeSpec.ArrayOf(ClientTypeSpec.Keyword("Blob")), optional);
            case ParameterKind.Form:
                return new(name, parameter.BindingName, ClientArgumentSource.Raw, Nullable(type, ClientTypeSpec.Keyword("FormData")), optional);
            case ParameterKind.BodyStream or ParameterKind.BodyPipe:
                return new(name, parameter.BindingName, ClientArgumentSource.Raw, ClientTypeSpec.Keyword("Blob | string"), optional);
            default:
                // The request, the session, services and types that bind themselves: the server finds them, the caller passes nothing.
                return null;
        }
    }

    /// <summary>
    /// The member names the server parses an enum's text by (<c>Enum.TryParse</c>, never the JSON converter), for the JSON
    /// names the client's type takes that differ from them; empty when none do.
    /// </summary>
    private static EquatableArray<ClientEnumMemberSpec> TextNames(ITypeSymbol type)
    {
        var element = type is IArrayTypeSymbol array ? array.ElementType : type;
        var underlying = element is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : element;
        if (underlying.TypeKind != TypeKind.Enum || ConverterOf(underlying) is not { } converter
            || converter.ConstructorArguments.Length != 1 || converter.ConstructorArguments[0].Value is not INamedTypeSymbol converterType || !IsStringEnumConverter(converterType))
        {
            return EquatableArray<ClientEnumMemberSpec>.Empty;
        }

        return underlying.GetMembers().OfType<IFieldSymbol>()
            .Where(static f => f.IsConst && f.HasConstantValue && JsonEnumName(f) != f.Name)
            .Select(static f => new ClientEnumMemberSpec(f.Name, StringLiteral(JsonEnumName(f))))
            .ToEquatableArray();
    }

    private static string JsonEnumName(IFieldSymbol field) =>
        field.GetAttributes().FirstOrDefault(static a => IsAttribute(a, "JsonStringEnumMemberNameAttribute")) is { ConstructorArguments.Length: 1 } named && named.ConstructorArguments[0].Value is string name ? name : field.Name;

    private static ClientArgumentSource SourceOf(ArgumentSourceSpec source) => source switch
    {
        ArgumentSourceSpec.Route => ClientArgumentSource.Route,
        ArgumentSourceSpec.Query or ArgumentSourceSpec.FromQuery => ClientArgumentSource.Query,
        ArgumentSourceSpec.Header => ClientArgumentSource.Header,
        ArgumentSourceSpec.Body => ClientArgumentSource.Json,
        _ => ClientArgumentSource.Form,
    };

    private ClientTypeSpec Return(IMethodSymbol method, ReturnSpec returns)
    {
        if (returns.Kind == ReturnKind.NoContent)
        {
            return ClientTypeSpec.Void;
        }

        var type = method.ReturnType;
        if (returns.Awaitable != Awaitable.None && type is INamedTypeSymbol { TypeArguments.Length: 1 } awaitable)
        {
            type = awaitable.TypeArguments[0];
        }

        if (returns.Kind == ReturnKind.Json)
        {
            return Map(type);
        }

        // A null result (Ok<T>?, Results<...>?) is answered 204 without a body, which the call resolves to undefined.
        return type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated
            ? ClientTypeSpec.UnionOf([Result(type), ClientTypeSpec.Void])
            : Result(type);
    }

    /// <summary>
    /// What the call resolves to for an <c>IResult</c> type, as the client reads its answer: the value of a result that
    /// writes one as JSON (<c>Ok&lt;T&gt;</c>, <c>Created&lt;T&gt;</c>, ...), <c>void</c> for one without a body (<c>NoContent</c>,
    /// <c>Ok</c>), text for content, nothing for one that rejects the promise (an error status, a redirect), and for
    /// <c>Results&lt;...&gt;</c> the union of its outcomes. Any other result (<c>IResult</c>, a file, a status code) is <c>unknown</c>,
    /// and so is <c>JsonHttpResult&lt;T&gt;</c>: <c>TypedResults.Json(value, options)</c> writes with serializer options of
    /// its own, whose names need not be the app's, and the type does not say whether it was given any.
    /// </summary>
    private ClientTypeSpec Result(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named || named.ContainingNamespace?.ToDisplayString() != "Microsoft.AspNetCore.Http.HttpResults")
        {
            return ClientTypeSpec.Unknown;
        }

        if (named.Name == "Results" && named.IsGenericType)
        {
            return ClientTypeSpec.UnionOf(named.TypeArguments.Select(Result));
        }

        return (named.Name, named.TypeArguments.Length) switch
        {
            ("Ok" or "Created" or "CreatedAtRoute" or "Accepted" or "AcceptedAtRoute", 1) => Map(named.TypeArguments[0]),
            ("Ok" or "Created" or "CreatedAtRoute" or "Accepted" or "AcceptedAtRoute" or "NoContent" or "EmptyHttpResult", 0) => ClientTypeSpec.Void,
            ("ContentHttpResult" or "Utf8ContentHttpResult", 0) => ClientTypeSpec.TextBody,
            ("BadRequest" or "NotFound" or "Conflict" or "UnprocessableEntity" or "InternalServerError", 0 or 1) => ClientTypeSpec.Never,
            ("UnauthorizedHttpResult" or "ForbidHttpResult" or "ChallengeHttpResult" or "ProblemHttpResult" or "ValidationProblem"
                or "RedirectHttpResult" or "RedirectToRouteHttpResult", 0) => ClientTypeSpec.Never,
            _ => ClientTypeSpec.Unknown,
        };
    }

    /// <summary>
    /// A value sent as text (a route value, a query key, a header, a form field): what JSON would write for the framework's
    /// types and enums, and <c>string</c> for a type of the app that parses itself (<c>IParsable&lt;T&gt;</c>, its own
    /// <c>TryParse</c>), which the server reads from the text the caller sends, not from its JSON shape.
    /// </summary>
    private ClientTypeSpec MapText(ITypeSymbol type, bool fromHeader = false)
    {
        if (type is IArrayTypeSymbol { ElementType: var element })
        {
            // The client sends a null item of a query or form array empty (ids=), which a nullable number binds as null in
            // its place; a string binds it as "", so null and "" cannot be told apart and a string's items are declared
            // without null. A header array is read as the header's comma-separated values with the empty ones dropped (as
            // minimal APIs read it): no item of one can arrive as null, and the client refuses a null item.
            return ClientTypeSpec.ArrayOf(MapText(fromHeader || element.SpecialType == SpecialType.System_String ? WithoutNull(element) : element));
        }

        var underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
        if (underlying.TypeKind == TypeKind.Enum || underlying.SpecialType != SpecialType.None || IsFramework(underlying))
        {
            return Map(type);
        }

        var text = ClientTypeSpec.Keyword("string");
        return !SymbolEqualityComparer.Default.Equals(underlying, type) || (type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.NotAnnotated)
            ? ClientTypeSpec.NullableOf(text)
            : text;
    }

    /// <summary><paramref name="type"/> without its null: the value type of a <c>Nullable&lt;T&gt;</c>, a reference type not annotated.</summary>
    private static ITypeSymbol WithoutNull(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);

    private static ClientTypeSpec Nullable(ITypeSymbol type, ClientTypeSpec described) =>
        type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.NotAnnotated ? ClientTypeSpec.NullableOf(described) : described;

    /// <summary><paramref name="type"/> as JSON writes it: <c>T | null</c> for a nullable value type, an annotated or an oblivious reference type.</summary>
    /// <remarks>
    /// <paramref name="numberHandling"/> is the <c>[JsonNumberHandling]</c> of the property being written (or of its type),
    /// which reaches the elements of its collections: <c>WriteAsString</c> writes numbers as strings (<c>"5"</c>), and
    /// <c>AllowNamedFloatingPointLiterals</c> writes a float's NaN and infinities as <c>"NaN"</c>, <c>"Infinity"</c>.
    /// </remarks>
    private ClientTypeSpec Map(ITypeSymbol type, AttributeData? converter = null, int numberHandling = 0)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return ClientTypeSpec.NullableOf(MapValue(nullable.TypeArguments[0], converter, numberHandling));
        }

        var described = MapValue(type, converter, numberHandling);
        return type.IsReferenceType || type.TypeKind == TypeKind.TypeParameter ? Nullable(type, described) : described;
    }

    private ClientTypeSpec MapValue(ITypeSymbol type, AttributeData? converter, int numberHandling)
    {
        var converterOfType = converter ?? ConverterOf(type);
        if (type.TypeKind == TypeKind.Enum && type is INamedTypeSymbol enumType)
        {
            return Enum(enumType, converterOfType);
        }

        if (converterOfType is not null)
        {
            return ClientTypeSpec.Unknown;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String or SpecialType.System_Char or SpecialType.System_DateTime:
                return ClientTypeSpec.Keyword("string");
            case SpecialType.System_Boolean:
                return ClientTypeSpec.Keyword("boolean");
            case SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal:
                return Number(numberHandling, isFloat: type.SpecialType is SpecialType.System_Single or SpecialType.System_Double);
            case SpecialType.System_Object:
                return ClientTypeSpec.Unknown;
        }

        if (type is IArrayTypeSymbol array)
        {
            // STJ writes a byte[] as one base64 string.
            return array.Rank != 1 ? ClientTypeSpec.Unknown
                : array.ElementType.SpecialType == SpecialType.System_Byte ? ClientTypeSpec.Keyword("string")
                : ClientTypeSpec.ArrayOf(Map(array.ElementType, numberHandling: numberHandling));
        }

        if (type is not INamedTypeSymbol named)
        {
            return ClientTypeSpec.Unknown;
        }

        switch (FullName(named))
        {
            case "System.Guid" or "System.DateTimeOffset" or "System.DateOnly" or "System.TimeOnly" or "System.TimeSpan" or "System.Uri" or "System.Version":
                return ClientTypeSpec.Keyword("string");
            case "System.Int128" or "System.UInt128" or "System.Half":
                return Number(numberHandling, isFloat: named.Name == "Half");
            case "Microsoft.AspNetCore.Http.IFormFile":
                return ClientTypeSpec.Keyword("Blob");
            case "Microsoft.AspNetCore.Http.IFormFileCollection":
                return ClientTypeSpec.ArrayOf(ClientTypeSpec.Keyword("Blob"));
            case "Microsoft.Extensions.Primitives.StringValues":
                return ClientTypeSpec.ArrayOf(ClientTypeSpec.Keyword("string"));
        }

        if (Dictionary(named) is { } value)
        {
            return ClientTypeSpec.RecordOf(Map(value, numberHandling: numberHandling));
        }

        if (Enumerable(named) is { } element)
        {
            return ClientTypeSpec.ArrayOf(Map(element, numberHandling: numberHandling));
        }

        // A collection only through the non-generic interfaces (a Hashtable's subclass, a class that implements IEnumerable):
        // STJ writes its entries or items, of types only the running app knows, never its properties.
        if (NonGenericCollection(named) is { } collection)
        {
            return collection == "System.Collections.IDictionary" ? ClientTypeSpec.RecordOf(ClientTypeSpec.Unknown) : ClientTypeSpec.ArrayOf(ClientTypeSpec.Unknown);
        }

        return IsFramework(named) || named.IsAbstract || named.TypeKind is not (TypeKind.Class or TypeKind.Struct) || HasPolymorphism(named)
            ? ClientTypeSpec.Unknown
            : Object(named);
    }

    private ClientTypeSpec Object(INamedTypeSymbol type)
    {
        // The type's own annotation is the reference's (Order? as a parameter), not the type's: only its arguments' count.
        var key = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(KeyFormat);
        if (!_named.ContainsKey(key))
        {
            _named[key] = null;
            _order.Add(key);
            var typeHandling = NumberHandlingOf(type);
            var properties = JsonMembers(type).Select(member => Property(member, typeHandling)).ToEquatableArray();
            _named[key] = new ClientNamedTypeSpec(key, TypeName(type), IsEnum: false, properties, EquatableArray<ClientEnumMemberSpec>.Empty, IsCheckable(type), type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
        }

        return ClientTypeSpec.Named(key);
    }

    /// <summary>
    /// The members STJ's reflection resolver writes of <paramref name="type"/>, found as it finds them: from the type to its
    /// bases, each member that has a public accessor or <c>[JsonInclude]</c> keyed by its JSON name. A base member of a JSON
    /// name taken already is left out, unless the one that took it is <c>[JsonIgnore]</c>d (then the base member takes it);
    /// a virtual member a derived <c>[JsonIgnore]</c>d one overrides is left out. So a member hidden by a non-public
    /// <c>new</c> one is still written, and an override renamed on its base (<c>[JsonPropertyName]</c>) is written under
    /// both names.
    /// </summary>
    private static List<ISymbol> JsonMembers(INamedTypeSymbol type)
    {
        var byName = new Dictionary<string, (ISymbol Member, bool Ignored)>(StringComparer.Ordinal);
        var order = new List<string>();
        var ignored = new Dictionary<string, ISymbol>(StringComparer.Ordinal);
        for (var current = (ITypeSymbol?)type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || !IsJsonCandidate(member) || IsOverriddenAndIgnored(member, ignored))
                {
                    continue;
                }

                var attributes = member.GetAttributes();
                if (attributes.Any(static a => IsAttribute(a, "JsonExtensionDataAttribute")))
                {
                    continue;
                }

                var isIgnored = IgnoreCondition(attributes) == 1;
                var name = JsonName(member, attributes);
                if (!byName.TryGetValue(name, out var other))
                {
                    byName[name] = (member, isIgnored);
                    order.Add(name);
                }
                else if (other.Ignored)
                {
                    byName[name] = (member, isIgnored);
                }

                if (isIgnored)
                {
                    ignored[member.Name] = member;
                }
            }
        }

        return order.Select(name => byName[name]).Where(static m => !m.Ignored && IsReadable(m.Member)).Select(static m => m.Member).ToList();
    }

    /// <summary>Whether STJ makes a JSON property of <paramref name="member"/>: a property with a public getter or setter, or a <c>[JsonInclude]</c> one or field.</summary>
    private static bool IsJsonCandidate(ISymbol member) => member switch
    {
        IPropertySymbol { IsIndexer: false } property => property.GetMethod?.DeclaredAccessibility == Accessibility.Public
            || property.SetMethod?.DeclaredAccessibility == Accessibility.Public
            || IsIncluded(property),
        IFieldSymbol { IsImplicitlyDeclared: false } field => IsIncluded(field),
        _ => false,
    };

    /// <summary>Whether STJ writes <paramref name="member"/>'s value: it has a getter it may call.</summary>
    private static bool IsReadable(ISymbol member) => member switch
    {
        IPropertySymbol { GetMethod: { } getter } property => getter.DeclaredAccessibility == Accessibility.Public || IsIncluded(property),
        IFieldSymbol => true,
        _ => false,
    };

    private static bool IsIncluded(ISymbol member) => member.GetAttributes().Any(static a => IsAttribute(a, "JsonIncludeAttribute"));

    /// <summary>A virtual property that a derived <c>[JsonIgnore]</c>d virtual one of its name and type overrides, which STJ ignores with it.</summary>
    private static bool IsOverriddenAndIgnored(ISymbol member, Dictionary<string, ISymbol> ignored) =>
        member is IPropertySymbol property && IsVirtual(property)
        && ignored.TryGetValue(property.Name, out var derived) && derived is IPropertySymbol derivedProperty && IsVirtual(derivedProperty)
        && SymbolEqualityComparer.Default.Equals(derivedProperty.Type, property.Type);

    private static bool IsVirtual(IPropertySymbol property) => property.IsVirtual || property.IsOverride || property.IsAbstract;

    /// <summary>The member's <c>[JsonIgnore]</c> condition: Never = 0, Always = 1 (the default), WhenWritingDefault = 2, WhenWritingNull = 3, WhenWriting = 4, WhenReading = 5 (.NET 10); -1 without one.</summary>
    private static int IgnoreCondition(IEnumerable<AttributeData> attributes) =>
        attributes.FirstOrDefault(static a => IsAttribute(a, "JsonIgnoreAttribute")) is { } ignore
            ? ignore.NamedArguments.FirstOrDefault(static a => a.Key == "Condition").Value.Value as int? ?? 1
            : -1;

    private static string JsonName(ISymbol member, IEnumerable<AttributeData> attributes) =>
        attributes.FirstOrDefault(static a => IsAttribute(a, "JsonPropertyNameAttribute")) is { ConstructorArguments.Length: 1 } named && named.ConstructorArguments[0].Value is string given
            ? given
            : CamelCase(member.Name);

    /// <summary>The <c>[JsonNumberHandling]</c> of a property or a type: Strict = 0, AllowReadingFromString = 1, WriteAsString = 2, AllowNamedFloatingPointLiterals = 4; <see langword="null"/> without one.</summary>
    private static int? NumberHandlingOf(ISymbol symbol) =>
        symbol.GetAttributes().FirstOrDefault(static a => IsAttribute(a, "JsonNumberHandlingAttribute")) is { ConstructorArguments.Length: 1 } handling
            ? handling.ConstructorArguments[0].Value as int?
            : null;

    /// <summary>A member <see cref="JsonMembers"/> found, as STJ writes it; its own number handling before its type's.</summary>
    private ClientPropertySpec Property(ISymbol member, int? typeHandling)
    {
        var attributes = member.GetAttributes();
        var type = member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;

        // WhenWritingDefault and WhenWritingNull leave the property out of some objects the server writes, WhenWriting out of
        // all of them (it is only read): optional, so that one declaration serves what is sent and what comes back.
        // WhenReading writes it always and only ignores what callers send.
        var optional = IgnoreCondition(attributes) is 2 or 3 or 4;
        var converter = attributes.FirstOrDefault(static a => IsAttribute(a, "JsonConverterAttribute"));
        return new ClientPropertySpec(JsonName(member, attributes), Map(type, converter, NumberHandlingOf(member) ?? typeHandling ?? 0), optional);
    }

    private ClientTypeSpec Enum(INamedTypeSymbol type, AttributeData? converter)
    {
        var asString = false;
        if (converter is not null)
        {
            if (converter.ConstructorArguments.Length != 1 || converter.ConstructorArguments[0].Value is not INamedTypeSymbol converterType || !IsStringEnumConverter(converterType))
            {
                return ClientTypeSpec.Unknown;
            }

            asString = true;
        }

        // A [Flags] enum writes combinations: any number, or names joined by commas.
        if (type.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute"))
        {
            return ClientTypeSpec.Keyword(asString ? "string" : "number");
        }

        var key = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + (asString ? TextEnumKeySuffix : string.Empty);
        if (!_named.ContainsKey(key))
        {
            var members = type.GetMembers().OfType<IFieldSymbol>()
                .Where(static f => f.IsConst && f.HasConstantValue)
                .Select(f => new ClientEnumMemberSpec(f.Name, asString ? StringLiteral(JsonEnumName(f)) : Convert.ToString(f.ConstantValue, CultureInfo.InvariantCulture)!))
                .ToEquatableArray();
            var checkable = IsCheckable(type) && !type.GetMembers().OfType<IFieldSymbol>().Any(static f => f.IsConst && IsMarked(f));
            _named[key] = new ClientNamedTypeSpec(key, TypeName(type), IsEnum: true, EquatableArray<ClientPropertySpec>.Empty, members, checkable, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
            _order.Add(key);
        }

        return ClientTypeSpec.Named(key);
    }

    /// <summary>A number as <paramref name="numberHandling"/> writes it (see <see cref="Map"/>).</summary>
    private static ClientTypeSpec Number(int numberHandling, bool isFloat) =>
        (numberHandling & 2) != 0 ? ClientTypeSpec.Keyword("string")
        : (numberHandling & 4) != 0 && isFloat ? ClientTypeSpec.Keyword("number | string")
        : ClientTypeSpec.Keyword("number");

    private static bool IsStringEnumConverter(INamedTypeSymbol converter) =>
        converter.ContainingNamespace?.ToDisplayString() == "System.Text.Json.Serialization"
        && converter.Name == "JsonStringEnumConverter";

    private static AttributeData? ConverterOf(ITypeSymbol type) =>
        type.GetAttributes().FirstOrDefault(static a => IsAttribute(a, "JsonConverterAttribute"));

    private static bool IsFramework(ITypeSymbol type) =>
        type.ContainingNamespace?.ToDisplayString() is { } ns && (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal) || ns.StartsWith("Microsoft.", StringComparison.Ordinal));

    private static bool HasPolymorphism(INamedTypeSymbol type) =>
        type.GetAttributes().Any(static a => IsAttribute(a, "JsonPolymorphicAttribute") || IsAttribute(a, "JsonDerivedTypeAttribute"));

    private static bool IsAttribute(AttributeData attribute, string name) =>
        attribute.AttributeClass?.ToDisplayString() == JsonAttributes + name;

    private static ITypeSymbol? Dictionary(INamedTypeSymbol type)
    {
        foreach (var candidate in type.AllInterfaces.Prepend(type))
        {
            if (candidate.IsGenericType && candidate.TypeArguments.Length == 2
                && FullName(candidate) is "System.Collections.Generic.IDictionary" or "System.Collections.Generic.IReadOnlyDictionary")
            {
                return candidate.TypeArguments[1];
            }
        }

        return null;
    }

    private static ITypeSymbol? Enumerable(INamedTypeSymbol type)
    {
        foreach (var candidate in type.AllInterfaces.Prepend(type))
        {
            if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return candidate.TypeArguments[0];
            }
        }

        return null;
    }

    /// <summary>
    /// <c>System.Collections.IDictionary</c> or <c>System.Collections.IEnumerable</c> when <paramref name="type"/> is a
    /// collection through that non-generic interface (the dictionary first, as STJ looks for it), else <see langword="null"/>.
    /// </summary>
    private static string? NonGenericCollection(INamedTypeSymbol type)
    {
        var interfaces = type.AllInterfaces.Prepend(type).Select(FullName).ToList();
        return interfaces.Contains("System.Collections.IDictionary") ? "System.Collections.IDictionary"
            : interfaces.Contains("System.Collections.IEnumerable") ? "System.Collections.IEnumerable"
            : null;
    }

    /// <summary>The members of <paramref name="type"/> and its base types, nearest first, as STJ looks for properties.</summary>
    private static IEnumerable<ISymbol> AllMembers(ITypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                yield return member;
            }
        }
    }

    /// <summary>The type's name, nested types joined with <c>_</c>, and a generic type's arguments after its name.</summary>
    private static string TypeName(INamedTypeSymbol type)
    {
        var name = type.Name;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.Name + "_" + name;
        }

        foreach (var argument in type.TypeArguments)
        {
            name += "_" + (argument is INamedTypeSymbol named ? TypeName(named) : argument.Name);
        }

        return name;
    }

    private static string FullName(INamedTypeSymbol type) =>
        type.ContainingType is null && type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.Name : type.Name;

    private static string StringLiteral(string value) => JavaScriptText.StringLiteral(value);

    /// <summary><paramref name="name"/>, unless JavaScript reserves it as a parameter name: then with <c>_</c> after it.</summary>
    private static string SafeIdentifier(string name) => JavaScriptText.ReservedWords.Contains(name) ? name + "_" : name;
}
