using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using SessionAuth.Infrastructure;

namespace SessionAuth.OpenApi;

/// <summary>
/// Describes every generated server function to ApiExplorer, which Microsoft.AspNetCore.OpenApi, Swashbuckle and NSwag
/// all read. The framework's own provider describes only endpoints that carry a <c>MethodInfo</c>; a server function's
/// endpoint is a <see cref="RequestDelegate"/>, so it is described here from the bindings its generated code built at
/// startup: the same names, sources, required-ness and defaults the endpoint binds by, with no reflection over the method.
/// Descriptions are built when a document is asked for, never when the functions are mapped.
/// </summary>
internal sealed class ServerFunctionApiDescriptionProvider(EndpointDataSource endpointDataSource, ParameterPolicyFactory parameterPolicyFactory) : IApiDescriptionProvider
{
    private const string Json = "application/json";
    private const string UrlEncodedForm = "application/x-www-form-urlencoded";
    private const string MultipartForm = "multipart/form-data";

    /// <summary>Beside the framework's provider for minimal APIs (-1100), before MVC's (-1000).</summary>
    public int Order => -1100;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
        foreach (var endpoint in endpointDataSource.Endpoints)
        {
            if (endpoint is RouteEndpoint routeEndpoint
                && routeEndpoint.Metadata.GetMetadata<ServerFunctionMetadata>() is { Api: { } api } function
                && routeEndpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } httpMethods
                && routeEndpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            {
                foreach (var httpMethod in httpMethods.HttpMethods)
                {
                    context.Results.Add(Describe(routeEndpoint, function, api, httpMethod, parameterPolicyFactory));
                }
            }
        }
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
    }

    /// <summary>
    /// The operation id of a function: its name with the dots that join its types and method made underscores
    /// (<c>Students.ByHouse</c> is <c>Students_ByHouse</c>), unless its endpoint is named (<c>[EndpointName]</c>), as
    /// the framework takes a minimal API's name for its operation id.
    /// </summary>
    internal static string OperationId(ServerFunctionMetadata function, EndpointMetadataCollection metadata) =>
        metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? function.Name.Replace('.', '_');

    private static ApiDescription Describe(RouteEndpoint endpoint, ServerFunctionMetadata function, ServerFunctionApi api, string httpMethod, ParameterPolicyFactory parameterPolicyFactory)
    {
        var metadata = endpoint.Metadata;
        var lastDot = function.Name.LastIndexOf('.');
        var description = new ApiDescription
        {
            HttpMethod = httpMethod,
            RelativePath = endpoint.RoutePattern.RawText?.TrimStart('/'),
            GroupName = metadata.GetMetadata<IEndpointGroupNameMetadata>()?.EndpointGroupName,
            ActionDescriptor = new ActionDescriptor
            {
                DisplayName = endpoint.DisplayName,

                // OpenAPI generators name an operation by its attribute route's name, and group operations without
                // tags by their "controller": the function's type.
                AttributeRouteInfo = new AttributeRouteInfo
                {
                    Template = endpoint.RoutePattern.RawText,
                    Name = OperationId(function, metadata),
                },
                EndpointMetadata = [.. metadata],
                RouteValues = { ["controller"] = lastDot > 0 ? function.Name[..lastDot] : function.Name },
            },
        };

        var body = BodyKinds.None;
        foreach (var parameter in api.Parameters)
        {
            body |= AddParameter(description, endpoint, parameter, parameterPolicyFactory);
        }

        if (api.ReadsRawBody)
        {
            description.ParameterDescriptions.Add(new ApiParameterDescription
            {
                Name = "body",
                Source = BindingSource.Body,
                Type = typeof(Stream),
                ModelMetadata = DescribedModelMetadata.For(typeof(Stream)),
                ParameterDescriptor = new ParameterDescriptor { Name = "body", ParameterType = typeof(Stream) },
            });
        }

        foreach (var mediaType in MediaTypes(body))
        {
            description.SupportedRequestFormats.Add(new ApiRequestFormat { MediaType = mediaType });
        }

        AddResponses(description, metadata);
        return description;
    }

    private static BodyKinds AddParameter(ApiDescription description, RouteEndpoint endpoint, ServerFunctionParameterDescription parameter, ParameterPolicyFactory parameterPolicyFactory)
    {
        var (source, kind) = parameter.Location switch
        {
            ArgumentLocation.Path => (BindingSource.Path, BodyKinds.None),
            ArgumentLocation.Query => (BindingSource.Query, BodyKinds.None),
            ArgumentLocation.Header => (BindingSource.Header, BodyKinds.None),

            // One property of the body object per argument: described as form parameters, which generators turn into
            // one object schema, under each media type the function accepts (JSON, forms, or both).
            ArgumentLocation.BodyMember => (BindingSource.Form, BodyKinds.JsonOrForm),
            ArgumentLocation.JsonMember => (BindingSource.Form, BodyKinds.JsonOnly),
            ArgumentLocation.FormField => (BindingSource.Form, BodyKinds.FormOnly),
            ArgumentLocation.FormFile => (BindingSource.FormFile, BodyKinds.Files),
            ArgumentLocation.AnyFormFields => (null, BodyKinds.FormOnly),
            _ => (BindingSource.Body, BodyKinds.WholeJson),
        };

        if (source is null)
        {
            return kind;
        }

        // A route value is named as the template names it (route values match without case): OpenAPI asks for the same name.
        var routeParameter = source == BindingSource.Path ? endpoint.RoutePattern.GetParameter(parameter.Name) : null;
        description.ParameterDescriptions.Add(new ApiParameterDescription
        {
            Name = routeParameter?.Name ?? parameter.Name,
            Source = source,
            Type = parameter.Type,
            ModelMetadata = DescribedModelMetadata.For(parameter.Type),
            ParameterDescriptor = new ParameterDescriptor { Name = parameter.Name, ParameterType = parameter.Type },
            IsRequired = parameter.IsRequired || source == BindingSource.Path,
            DefaultValue = parameter.DefaultValue,
            RouteInfo = routeParameter is null ? null : RouteInfoOf(endpoint.RoutePattern, routeParameter, parameterPolicyFactory),
        });
        return kind;
    }

    /// <summary>
    /// A route value's optionality, default and constraints (<c>{id:int:min(1)}</c>), made by the app's own policy factory
    /// as routing makes them, so that OpenAPI puts them in the parameter's schema as it does for a minimal API.
    /// </summary>
    private static ApiParameterRouteInfo RouteInfoOf(RoutePattern pattern, RoutePatternParameterPart routeParameter, ParameterPolicyFactory parameterPolicyFactory)
    {
        var constraints = new List<IRouteConstraint>();
        if (pattern.ParameterPolicies.TryGetValue(routeParameter.Name, out var policies))
        {
            foreach (var policy in policies)
            {
                if (parameterPolicyFactory.Create(routeParameter, policy) is IRouteConstraint constraint)
                {
                    constraints.Add(constraint);
                }
            }
        }

        return new ApiParameterRouteInfo { IsOptional = routeParameter.IsOptional, DefaultValue = routeParameter.Default, Constraints = constraints };
    }

    private static string[] MediaTypes(BodyKinds body) =>
        (body & BodyKinds.WholeJson) != 0 || (body & BodyKinds.JsonOnly) != 0 ? [Json]
        : (body & BodyKinds.Files) != 0 ? [MultipartForm]
        : (body & BodyKinds.FormOnly) != 0 ? [UrlEncodedForm, MultipartForm]
        : (body & BodyKinds.JsonOrForm) != 0 ? [Json, UrlEncodedForm, MultipartForm]
        : [];

    /// <summary>
    /// The endpoint's <see cref="IProducesResponseTypeMetadata"/>, in order, each status and type once; a function
    /// whose result declares no success (an <see cref="IResult"/> of no declared type) answers 200, as ApiExplorer
    /// assumes of a minimal API.
    /// </summary>
    private static void AddResponses(ApiDescription description, EndpointMetadataCollection metadata)
    {
        var declaresSuccess = false;
        foreach (var produces in metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>())
        {
            var type = produces.Type ?? typeof(void);
            if (description.SupportedResponseTypes.Any(r => r.StatusCode == produces.StatusCode && r.Type == type))
            {
                continue;
            }

            var response = new ApiResponseType
            {
                StatusCode = produces.StatusCode,
                Type = type,
                ModelMetadata = DescribedModelMetadata.For(type),
                Description = produces.Description,
            };
            if (type != typeof(void))
            {
                foreach (var contentType in produces.ContentTypes)
                {
                    response.ApiResponseFormats.Add(new ApiResponseFormat { MediaType = contentType });
                }
            }

            declaresSuccess |= produces.StatusCode is >= 200 and < 300;
            description.SupportedResponseTypes.Add(response);
        }

        if (!declaresSuccess)
        {
            description.SupportedResponseTypes.Insert(0, new ApiResponseType
            {
                StatusCode = StatusCodes.Status200OK,
                Type = typeof(void),
                ModelMetadata = DescribedModelMetadata.For(typeof(void)),
            });
        }
    }

    [Flags]
    private enum BodyKinds
    {
        None = 0,
        JsonOrForm = 1,
        JsonOnly = 2,
        FormOnly = 4,
        Files = 8,
        WholeJson = 16,
    }
}
