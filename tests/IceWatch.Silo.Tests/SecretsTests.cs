using System.Security.Cryptography;
using IceWatch.Testing;

namespace IceWatch.Silo.Tests;

/// <summary>Notification target secrets at rest: protected with the Data Protection key ring in PostgreSQL, itself encrypted under the master key.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SecretsTests(PostgresFixture postgres)
{
    private const string Secret = "whsec-0123456789-abcdefghijklmnop";
    private static readonly string MasterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static Dictionary<string, string?> WithKey(string key) => new() { ["ICEWATCH_SECRETS_KEY"] = key };

    [Fact]
    public async Task A_target_secret_is_stored_protected_and_its_key_ring_encrypted_under_the_master_key()
    {
        await using var storage = await Storage.CreateAsync(postgres, "secrets_at_rest", WithKey(MasterKey));
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        var targets = storage.Get<NotificationTargetStore>();

        var added = await targets.AddAsync(tenant.Id, NotificationTargetKinds.Webhook, "ops", "https://hooks.example.com/x", Secret, CancellationToken.None);

        Assert.Equal(Secret, added.Secret);
        Assert.Equal(Secret, (await targets.ListAsync(tenant.Id, CancellationToken.None)).Single().Secret);
        Assert.Equal(0L, await storage.ScalarAsync<long>("SELECT count(*) FROM notification_targets WHERE secret IS NOT NULL"));
        Assert.Equal(0L, await storage.ScalarAsync<long>("SELECT count(*) FROM notification_targets WHERE secret_protected LIKE '%' || $1 || '%'", Secret));
        var ring = await storage.ScalarAsync<string>("SELECT string_agg(xml, '') FROM data_protection_keys");
        Assert.Contains("<encryptedKey masterKey=", ring);
        Assert.DoesNotContain("<masterKey", ring);
    }

    [Fact]
    public async Task Another_node_with_the_master_key_reads_the_secret_and_one_without_it_cannot()
    {
        await using var storage = await Storage.CreateAsync(postgres, "secrets_nodes", WithKey(MasterKey));
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        await storage.Get<NotificationTargetStore>().AddAsync(tenant.Id, NotificationTargetKinds.PagerDuty, null, "https://events.example.com", Secret, CancellationToken.None);

        await using var sameKey = await Storage.AttachAsync(storage, "secrets-same", WithKey(MasterKey));
        await using var otherKey = await Storage.AttachAsync(storage, "secrets-other", WithKey(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));

        Assert.Equal(Secret, (await sameKey.Get<NotificationTargetStore>().ListAsync(tenant.Id, CancellationToken.None)).Single().Secret);
        await Assert.ThrowsAnyAsync<CryptographicException>(() => otherKey.Get<NotificationTargetStore>().ListAsync(tenant.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Secrets_stored_in_plain_text_before_are_protected_at_start_up_and_still_work()
    {
        await using var storage = await Storage.CreateAsync(postgres, "secrets_upgrade", WithKey(MasterKey));
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        await storage.ScalarAsync<object>("INSERT INTO notification_targets (tenant_id, kind, url, secret) VALUES ($1, 'webhook', 'https://hooks.example.com/old', $2)", tenant.Id, Secret);
        var store = storage.Get<NotificationTargetStore>();
        Assert.Equal(Secret, (await store.ListAsync(tenant.Id, CancellationToken.None)).Single().Secret);

        await storage.RunHostedAsync<SecretsUpgrade>();

        Assert.Equal(0L, await storage.ScalarAsync<long>("SELECT count(*) FROM notification_targets WHERE secret IS NOT NULL OR secret_protected IS NULL"));
        Assert.Equal(Secret, (await store.ListAsync(tenant.Id, CancellationToken.None)).Single().Secret);
    }

    [Fact]
    public void A_master_key_that_is_not_32_bytes_of_base64_is_refused() =>
        Assert.NotNull(MasterKeys.Describe(Convert.ToBase64String(new byte[16])));
}
