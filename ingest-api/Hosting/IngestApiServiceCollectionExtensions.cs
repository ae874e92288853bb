using System.Text.Json;
using System.Text.Json.Serialization;
using IceWatch.IngestApi.Auth;
using IceWatch.IngestApi.Clients;
using IceWatch.IngestApi.Cors;
using IceWatch.IngestApi.Health;
using IceWatch.IngestApi.OpenApi;
using IceWatch.IngestApi.Options;
using IceWatch.IngestApi.Problems;
using IceWatch.IngestApi.RateLimiting;
using IceWatch.IngestApi.Startup;
using IceWatch.IngestApi.Ui;
using IceWatch.IngestApi.Uploads;
using IceWatch.Silo;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace IceWatch.IngestApi.Hosting;

public static class IngestApiServiceCollectionExtensions
{
    private const string DefaultUrl = "http://127.0.0.1:8080";

    public static WebApplicationBuilder AddIngestApi(this WebApplicationBuilder builder)
    {
        LoggingDefaults.Apply(builder.Configuration);
        var services = builder.Services;
        var options = ResolveOptions(builder.Configuration);

        // The role decides the registrations, so it is read now rather than through IOptions.
        if (options.Role == HostingRoles.Ingest) builder.AddIceWatchClusterClient();
        else builder.AddIceWatchSilo();

        services.AddSingleton<IConfigureOptions<IngestOptions>, IngestOptionsSetup>();
        services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        services.AddOptions<IngestOptions>().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<IngestOptions>>(
            (kestrel, ingest) => kestrel.Limits.MaxRequestBodySize = ingest.Value.MaxRequestBodyBytes);

        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemDetailDefaults.Describe);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null)
            .AddScheme<AuthenticationSchemeOptions, AdminKeyAuthenticationHandler>(AdminKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(UiDefaults.Scheme, cookie =>
            {
                cookie.Cookie.Name = UiDefaults.CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = UiDefaults.LoginPath;
                cookie.AccessDeniedPath = UiDefaults.LoginPath;
                cookie.ReturnUrlParameter = UiDefaults.ReturnUrl;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
            });
        services.AddAuthorizationBuilder()
            .AddScopePolicies()
            .AddPolicy(UiDefaults.Policy, policy => policy.AddAuthenticationSchemes(UiDefaults.Scheme).RequireAuthenticatedUser()
                .RequireClaim(ApiKeyDefaults.ScopeClaim, ApiScopes.Read))
            .AddPolicy(AdminKeyAuthenticationHandler.Policy, policy => policy
                .AddAuthenticationSchemes(AdminKeyAuthenticationHandler.SchemeName).RequireRole(AdminKeyAuthenticationHandler.Policy));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenProblemHandler>();
        services.AddTenantRateLimits();
        services.AddSdkCors();
        services.ConfigureHttpJsonOptions(json =>
        {
            // Matches GrainJson.Options: camelCase, enums as camelCase strings, nulls kept. Strict numbers
            // keep the OpenAPI schemas "integer" instead of "integer or numeric string".
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<SecuritySchemesTransformer>().AddOperationTransformer<ScopeOperationTransformer>());

        services.AddSingleton<SessionPageQueries>();
        services.AddSingleton<TenantKeyCache>();
        services.AddSingleton<ClientIdentity>();
        services.AddSingleton<PublishableRateLimitFilter>();
        services.AddHostedService<RateLimitCellSweeper>();
        services.AddSingleton<RequestBodyReader>();
        services.AddSingleton<ContentInspector>();
        services.AddSingleton<GrainHandoff>();
        services.AddScoped<UploadIngestor>();
        services.AddSingleton<DatabaseProbe>();
        services.AddSingleton<ReadinessProbe>();
        services.AddHostedService<BootstrapKeyService>();

        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])) builder.WebHost.UseUrls(DefaultUrl);
        return builder;
    }

    private static IngestOptions ResolveOptions(IConfiguration configuration)
    {
        var options = new IngestOptions();
        new IngestOptionsSetup(configuration).Configure(options);
        var result = new IngestOptionsValidator().Validate(null, options);
        if (result.Failed) throw new OptionsValidationException(nameof(IngestOptions), typeof(IngestOptions), result.Failures);
        return options;
    }
}
