using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IceWatch.IngestApi.OpenApi;

/// <summary>
/// Declares how to authenticate: an API key as a bearer token, a publishable key in the <c>key</c> query
/// parameter (for <c>navigator.sendBeacon</c>), and the instance admin key for <c>/v1/admin</c>.
/// Which scope each operation needs is set by <see cref="ScopeOperationTransformer"/>.
/// </summary>
public sealed class SecuritySchemesTransformer : IOpenApiDocumentTransformer
{
    public const string ApiKey = "ApiKey";
    public const string PublishableKey = "PublishableKey";
    public const string AdminKey = "AdminKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An IceWatch API key: 'Authorization: Bearer <api key>'. Its kind decides its scopes: publishable keys " +
                "have ingest:reports (and ingest:dumps where the tenant allows), read keys read, admin keys have every scope.",
        };
        document.Components.SecuritySchemes[PublishableKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Query,
            Name = "key",
            Description = "A publishable key (iwp_...) in the query string, so a browser can post with navigator.sendBeacon. Other keys are refused here.",
        };
        document.Components.SecuritySchemes[AdminKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The instance's ICEWATCH_ADMIN_KEY, for /v1/admin only.",
        };

        var admin = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AdminKey, document)] = [] };
        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith("/v1/admin/", StringComparison.Ordinal) || item.Operations is null) continue;
            foreach (var operation in item.Operations.Values) operation.Security = [admin];
        }
        return Task.CompletedTask;
    }
}
