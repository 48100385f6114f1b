using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace SessionAuth.OpenApi;

/// <summary>
/// Marks guarded operations (security requirement, 401/403/503 problems) and finishes what ApiExplorer cannot say of a
/// server function: its body arguments as one object, and its parameters' default values.
/// </summary>
internal sealed class SessionAuthOperationTransformer : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = new EndpointMetadataCollection(context.Description.ActionDescriptor.EndpointMetadata);
        if (IsGuarded(metadata))
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(SessionAuthOpenApiOptionsExtensions.SecuritySchemeName, context.Document)] = [],
            });
            await AddProblemAsync(operation, context, StatusCodes.Status401Unauthorized, cancellationToken).ConfigureAwait(false);
            await AddProblemAsync(operation, context, StatusCodes.Status403Forbidden, cancellationToken).ConfigureAwait(false);
            await AddProblemAsync(operation, context, StatusCodes.Status503ServiceUnavailable, cancellationToken).ConfigureAwait(false);
        }

        if (metadata.GetMetadata<ServerFunctionMetadata>() is { Api: not null })
        {
            var serializerOptions = context.ApplicationServices.GetService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions;
            ApplyDefaults(operation, context.Description, serializerOptions);
            FinishRequestBody(operation, context.Description, serializerOptions);
        }
    }

    /// <summary>
    /// Whether the guard runs for the endpoint: a server function that requires a session and is not opened by
    /// <c>[AllowAnonymous]</c>, or any endpoint whose metadata asks <c>UseSessionAuth()</c> for a guard (the middleware's
    /// own reading of it).
    /// </summary>
    private static bool IsGuarded(EndpointMetadataCollection metadata) =>
        (metadata.GetMetadata<ServerFunctionMetadata>() is { RequiresSession: true } && metadata.GetMetadata<IAllowAnonymous>() is null)
        || SessionEndpointMetadata.Read(new Endpoint(requestDelegate: null, metadata, displayName: null)).Requirement is not null;

    private static async Task AddProblemAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, int statusCode, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        var key = statusCode.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(key))
        {
            return;
        }

        var schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), parameterDescription: null, cancellationToken).ConfigureAwait(false);
        operation.Responses[key] = new OpenApiResponse
        {
            Description = ReasonPhrases.GetReasonPhrase(statusCode),
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new OpenApiMediaType { Schema = schema } },
        };
    }

    /// <summary>The value a missing argument binds, as the app's JSON options write it (what the schemas describe).</summary>
    private static void ApplyDefaults(OpenApiOperation operation, ApiDescription description, JsonSerializerOptions? serializerOptions)
    {
        if (operation.Parameters is null || serializerOptions is null)
        {
            return;
        }

        for (var i = 0; i < operation.Parameters.Count; i++)
        {
            if (operation.Parameters[i] is OpenApiParameter parameter
                && Find(description, parameter.Name) is { DefaultValue: { } value }
                && DefaultNode(value, serializerOptions) is { } node)
            {
                parameter.Schema = parameter.Schema is { } schema ? WithDefault(schema, node) : null;
            }
        }
    }

    /// <summary>The schema with its default; a reference to a shared schema is wrapped, so the shared one stays as it is.</summary>
    private static OpenApiSchema WithDefault(IOpenApiSchema schema, JsonNode node)
    {
        if (schema is OpenApiSchema inline)
        {
            inline.Default = node;
            return inline;
        }

        return new OpenApiSchema { AllOf = [schema], Default = node };
    }

    private static ApiParameterDescription? Find(ApiDescription description, string? name)
    {
        foreach (var parameter in description.ParameterDescriptions)
        {
            if (parameter.Source != BindingSource.Form && parameter.Source != BindingSource.FormFile && parameter.Name == name)
            {
                return parameter;
            }
        }

        return null;
    }

    private static JsonNode? DefaultNode(object value, JsonSerializerOptions serializerOptions)
    {
        try
        {
            return JsonSerializer.SerializeToNode(value, serializerOptions.GetTypeInfo(value.GetType()));
        }
        catch (NotSupportedException)
        {
            // An AOT app's resolver without the type: the schema goes without its default rather than the document failing.
            return null;
        }
    }

    /// <summary>
    /// ApiExplorer describes a server function's body arguments as form parameters, which the framework writes as an
    /// <c>allOf</c> of one-property objects when there are several; the body is one object, so it is written as one,
    /// with every property and every required name, under each media type the function accepts. A function that reads
    /// every form field (<c>IFormCollection</c>) takes any fields.
    /// </summary>
    private static void FinishRequestBody(OpenApiOperation operation, ApiDescription description, JsonSerializerOptions? serializerOptions)
    {
        if (operation.RequestBody is null)
        {
            if (description.SupportedRequestFormats.Count > 0)
            {
                var anyFields = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String } };
                var anyForm = new Dictionary<string, OpenApiMediaType>();
                foreach (var format in description.SupportedRequestFormats)
                {
                    anyForm[format.MediaType] = new OpenApiMediaType { Schema = anyFields };
                }

                operation.RequestBody = new OpenApiRequestBody { Required = true, Content = anyForm };
            }

            return;
        }

        if (operation.RequestBody.Content is not { } content)
        {
            return;
        }

        foreach (var mediaType in content.Values)
        {
            if (mediaType is { Schema: OpenApiSchema { AllOf.Count: > 0 } schema } && Merge(schema) is { } merged)
            {
                mediaType.Schema = merged;
            }

            if (mediaType.Schema is OpenApiSchema { Properties: { } properties } && serializerOptions is not null)
            {
                foreach (var parameter in description.ParameterDescriptions)
                {
                    if (parameter is { Source.Id: "Form", DefaultValue: { } value }
                        && properties.TryGetValue(parameter.Name, out var property)
                        && DefaultNode(value, serializerOptions) is { } node)
                    {
                        properties[parameter.Name] = WithDefault(property, node);
                    }
                }
            }
        }

        // A body of optional arguments alone may be empty: the function binds their defaults.
        if (operation.RequestBody is OpenApiRequestBody requestBody && !description.ParameterDescriptions.Any(p => p.IsRequired && (p.Source == BindingSource.Form || p.Source == BindingSource.FormFile || p.Source == BindingSource.Body)))
        {
            requestBody.Required = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body && p.IsRequired);
        }
    }

    private static OpenApiSchema? Merge(OpenApiSchema schema)
    {
        var merged = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>(schema.Properties ?? new Dictionary<string, IOpenApiSchema>()),
            Required = new HashSet<string>(schema.Required ?? new HashSet<string>()),
        };
        foreach (var part in schema.AllOf!)
        {
            if (part is not OpenApiSchema { Properties: { } properties })
            {
                return null;
            }

            foreach (var (name, property) in properties)
            {
                merged.Properties[name] = property;
            }
        }

        return merged;
    }
}
