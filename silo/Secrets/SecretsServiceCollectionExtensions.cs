using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IceWatch.Silo;

public static class SecretsServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core Data Protection with its key ring in PostgreSQL (shared by every node, so UI cookies
    /// and protected secrets work on any of them), each key encrypted under the configured master key.
    /// </summary>
    public static IServiceCollection AddIceWatchSecrets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecretsOptions>()
            .Configure(o =>
            {
                EnvironmentSettings.Read(configuration, "ICEWATCH_SECRETS_KEY", v => o.Key = v);
                EnvironmentSettings.Read(configuration, "ICEWATCH_SECRETS_KEY_FILE", v => o.KeyFile = v);
                EnvironmentSettings.Read(configuration, "ICEWATCH_SECRETS_PREVIOUS_KEYS", v => o.PreviousKeys = v);
            })
            .Validate(o => o.Key is not { Length: > 0 } k || MasterKeys.Describe(k) is null, "ICEWATCH_SECRETS_KEY must be 32 random bytes in base64.")
            .ValidateOnStart();
        services.TryAddSingleton<MasterKeys>();
        services.AddDataProtection().SetApplicationName("IceWatch");
        services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource, MasterKeys, DatabaseReadiness>((o, dataSource, keys, readiness) =>
        {
            o.XmlRepository = new PostgresXmlRepository(dataSource, readiness);
            if (keys.Current is not null) o.XmlEncryptor = new MasterKeyXmlEncryptor(keys);
        });
        services.TryAddSingleton<SecretProtector>();
        services.AddHostedService<SecretsUpgrade>();
        return services;
    }
}
