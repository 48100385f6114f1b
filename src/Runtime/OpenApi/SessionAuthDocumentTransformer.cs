using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace SessionAuth.OpenApi;

/// <summary>Declares the session cookie as the document's security scheme, under the cookie name the app configured.</summary>
internal sealed class SessionAuthDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var cookieName = context.ApplicationServices.GetService<IOptions<SessionAuthOptions>>()?.Value.CookieName ?? SessionAuthDefaults.CookieName;
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SessionAuthOpenApiOptionsExtensions.SecuritySchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = cookieName,
            Description = "The sealed session cookie SessionAuth sets when a user signs in.",
        };
        return Task.CompletedTask;
    }
}
