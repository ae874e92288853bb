using System.Text.Json.Nodes;
using IceWatch.IngestApi.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IceWatch.IngestApi.OpenApi;

/// <summary>
/// Writes each operation's scope into the document: the security requirement names it (OpenAPI 3.1 allows
/// roles for non-OAuth schemes), <c>x-icewatch-scope</c> carries it, and the description says who may call.
/// </summary>
public sealed class ScopeOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var scope = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiredScope>().LastOrDefault()?.Scope;
        if (scope is null) return Task.CompletedTask;

        var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemesTransformer.ApiKey, context.Document)] = [scope] };
        operation.Security = [bearer];
        if (ApiScopes.IsIngest(scope))
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemesTransformer.PublishableKey, context.Document)] = [scope] });
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-icewatch-scope"] = new JsonNodeExtension(JsonValue.Create(scope));
        var who = scope switch
        {
            ApiScopes.IngestReports => "publishable and admin keys",
            ApiScopes.IngestDumps => "admin keys, and publishable keys where the tenant allows dumps",
            ApiScopes.Read => "read and admin keys",
            _ => "admin keys",
        };
        operation.Description = $"{operation.Description}{(string.IsNullOrEmpty(operation.Description) ? "" : "\n\n")}Scope: `{scope}` ({who}); other keys get 403.";
        return Task.CompletedTask;
    }
}
