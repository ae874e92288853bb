using System.Net;
using System.Text;
using IceWatch.IngestApi.Auth;
using IceWatch.Silo;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IceWatch.Api.Tests;

/// <summary>
/// Every endpoint and the scope it needs. A new endpoint missing from this table fails the first test,
/// one mapped without its scope fails it too, and every key kind is tried against every scoped endpoint.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScopeTests(KeysApiFixture api) : IClassFixture<KeysApiFixture>
{
    private const string Anonymous = "anonymous";
    private const string InstanceAdmin = "instance-admin";

    public static readonly (string Method, string Route, string Scope)[] Table =
    [
        ("POST", "/v1/reports/", ApiScopes.IngestReports),
        ("POST", "/v1/dumps/", ApiScopes.IngestDumps),
        ("GET", "/v1/sessions/{id}", ApiScopes.Read),
        ("GET", "/v1/regions/{region}/stats", ApiScopes.Read),
        ("GET", "/v1/alerts/", ApiScopes.Read),
        ("GET", "/v1/alerts/{id:guid}", ApiScopes.Read),
        ("GET", "/v1/alert-rules/", ApiScopes.Read),
        ("PUT", "/v1/alert-rules/{scope}", ApiScopes.Admin),
        ("DELETE", "/v1/alert-rules/{scope}", ApiScopes.Admin),
        ("GET", "/v1/notification-targets/", ApiScopes.Admin),
        ("POST", "/v1/notification-targets/", ApiScopes.Admin),
        ("DELETE", "/v1/notification-targets/{id:guid}", ApiScopes.Admin),
        ("GET", "/v1/keys/", ApiScopes.Admin),
        ("POST", "/v1/keys/", ApiScopes.Admin),
        ("DELETE", "/v1/keys/{keyId:guid}", ApiScopes.Admin),
        ("GET", "/v1/settings/", ApiScopes.Admin),
        ("PUT", "/v1/settings/", ApiScopes.Admin),
        ("GET", "/ui/", ApiScopes.Read),
        ("GET", "/ui/sessions/{id}", ApiScopes.Read),
        ("GET", "/ui/alerts/{id:guid}", ApiScopes.Read),
        ("GET", "/ui/login", Anonymous),
        ("POST", "/ui/login", Anonymous),
        ("POST", "/ui/logout", Anonymous),
        ("POST", "/v1/admin/tenants/{tenant}/keys", InstanceAdmin),
        ("GET", "/v1/admin/tenants/{tenant}/keys", InstanceAdmin),
        ("DELETE", "/v1/admin/keys/{keyId:guid}", InstanceAdmin),
        ("GET", "/healthz", Anonymous),
        ("GET", "/livez", Anonymous),
        ("GET", "/readyz", Anonymous),
        ("GET", "/openapi/{documentName}.json", Anonymous),
    ];

    [Fact]
    public void Every_endpoint_is_in_the_table_and_states_the_scope_the_table_gives_it()
    {
        var endpoints = api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (Method: m, Route: Route(e), Endpoint: e)))
            .Where(x => x.Method != "OPTIONS")
            .ToList();

        var problems = new List<string>();
        foreach (var (method, route, endpoint) in endpoints)
        {
            var row = Table.Where(t => t.Method == method && t.Route == route).Select(t => t.Scope).FirstOrDefault();
            var stated = Stated(endpoint);
            if (row is null) problems.Add($"{method} {route} is not in the scope table (it states {stated}): add it with the scope it needs");
            else if (row != stated) problems.Add($"{method} {route} states {stated}, the table says {row}");
        }
        foreach (var row in Table.Where(t => !endpoints.Any(e => e.Method == t.Method && e.Route == t.Route)))
            problems.Add($"{row.Method} {row.Route} is in the table but not mapped");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public static TheoryData<string, string, string> ScopedEndpoints()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (method, route, scope) in Table.Where(t => t.Route.StartsWith("/v1/", StringComparison.Ordinal) && ApiScopes.All.Contains(t.Scope)))
            data.Add(method, route, scope);
        return data;
    }

    [Theory]
    [MemberData(nameof(ScopedEndpoints))]
    public async Task Each_key_kind_reaches_exactly_the_endpoints_of_its_scopes_and_gets_403_problem_details_elsewhere(string method, string route, string scope)
    {
        var keys = await api.NewTenantAsync($"scopes-{Guid.NewGuid():N}"[..20]);

        var anonymous = await api.Client().SendAsync(Request(method, route));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        foreach (var kind in KeyKinds.All)
        {
            var response = await api.Client(keys.Of(kind)).SendAsync(Request(method, route));
            var allowed = ApiScopes.For(kind, publishableDumps: false).Contains(scope);
            if (allowed)
            {
                Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                    $"a {kind} key was refused {method} {route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                continue;
            }
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, $"'{scope}' scope");
            Assert.Equal(scope, problem.GetProperty("requiredScope").GetString());
        }
    }

    private static HttpRequestMessage Request(string method, string route)
    {
        var path = route.Replace("{id:guid}", Guid.NewGuid().ToString()).Replace("{keyId:guid}", Guid.NewGuid().ToString())
            .Replace("{id}", "some-session").Replace("{region}", "eu-west").Replace("{scope}", "region:eu-west");
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return request;
    }

    private static string Route(RouteEndpoint e) => "/" + e.RoutePattern.RawText!.TrimStart('/');

    private static string Stated(Endpoint e)
    {
        if (e.Metadata.GetMetadata<RequiredScope>() is { } required) return required.Scope;
        var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
        if (policies.Contains(AdminKeyAuthenticationHandler.Policy)) return InstanceAdmin;
        if (e.Metadata.GetMetadata<IAllowAnonymous>() is not null) return Anonymous;
        return policies.Count == 0 ? "nothing (it falls back to the admin scope)" : $"policies {string.Join(",", policies)} without a scope";
    }
}
