using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IceWatch.Api.Tests;

[Collection(PostgresCollection.Name)]
public sealed class AdminApiTests(SecurityApiFixture api) : IClassFixture<SecurityApiFixture>
{
    [Fact]
    public async Task A_key_issued_by_the_admin_works_until_it_is_revoked_and_is_never_listed()
    {
        var admin = api.Client(SecurityApiFixture.AdminKey);
        var issued = await admin.PostAsync("/v1/admin/tenants/admin-made/keys?label=ci", null);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var key = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var apiKey = key.GetProperty("apiKey").GetString()!;
        var keyId = key.GetProperty("keyId").GetString()!;

        var tenant = api.Client(apiKey);
        Assert.Equal(HttpStatusCode.Accepted, (await tenant.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport("admin-made-1")))).StatusCode);

        var listed = await admin.GetStringAsync("/v1/admin/tenants/admin-made/keys");
        Assert.Contains(keyId, listed);
        Assert.DoesNotContain(apiKey, listed);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/admin/keys/{keyId}")).StatusCode);
        await ProblemAssert.IsProblemAsync(
            await tenant.PostAsync("/v1/reports", Payloads.Body(Payloads.SdkReport("admin-made-2"))), HttpStatusCode.Unauthorized, "not valid");
        await ProblemAssert.IsProblemAsync(await admin.DeleteAsync($"/v1/admin/keys/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "no api key");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-admin-key-0123456789012345")]
    [InlineData(SecurityApiFixture.AdminKey + "x")]
    public async Task The_admin_api_refuses_anything_but_the_admin_key(string? presented)
    {
        var client = api.Client(presented);
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/v1/admin/tenants/intruder/keys", null), HttpStatusCode.Unauthorized, "");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/admin/tenants/intruder/keys"), HttpStatusCode.Unauthorized, "");
    }

    [Fact]
    public async Task A_tenant_key_cannot_use_the_admin_api_and_the_admin_key_cannot_read_tenant_data()
    {
        var tenant = await api.TenantClientAsync("not-admin");
        await ProblemAssert.IsProblemAsync(await tenant.GetAsync("/v1/admin/tenants/not-admin/keys"), HttpStatusCode.Unauthorized, "admin key");
        var admin = api.Client(SecurityApiFixture.AdminKey);
        await ProblemAssert.IsProblemAsync(await admin.GetAsync("/v1/sessions/anything"), HttpStatusCode.Unauthorized, "not valid");
    }
}
