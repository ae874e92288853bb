using Microsoft.Extensions.Options;
using Npgsql;

namespace IceWatch.Silo;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Database))
            return ValidateOptionsResult.Fail("Set ICEWATCH_DATABASE (or IceWatch:Database) to a PostgreSQL connection string.");
        if (options.AcceptConnections is < 1 or > 1000)
            return ValidateOptionsResult.Fail($"ICEWATCH_ACCEPT_CONNECTIONS must be between 1 and 1000, not {options.AcceptConnections}.");
        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.Database);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"ICEWATCH_DATABASE is not a valid connection string: {e.Message}");
        }
    }
}
