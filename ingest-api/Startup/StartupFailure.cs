using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IceWatch.IngestApi.Startup;

/// <summary>
/// Turns what stops IceWatch at start-up into one line on standard error and an exit status:
/// 78 (EX_CONFIG) for settings to change, so a supervisor does not restart into the same error; 1 otherwise.
/// </summary>
public static class StartupFailure
{
    public const int ConfigurationError = 78;
    public const int Failed = 1;

    public static async Task<int> RunAsync(Func<Task<int>> run, TextWriter error)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (Describe(e) is { } failure)
        {
            await error.WriteLineAsync($"icewatch: {failure.Message}");
            return failure.ExitCode;
        }
    }

    public static (string Message, int ExitCode)? Describe(Exception exception)
    {
        var all = Flatten(exception).ToList();
        var settings = all.OfType<OptionsValidationException>().SelectMany(o => o.Failures).Distinct().ToList();
        if (settings.Count > 0) return ($"configuration error: {string.Join(" ", settings)}", ConfigurationError);
        if (all.Any(e => e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }) && all.OfType<IOException>().FirstOrDefault() is { } bind)
            return ($"{bind.Message.TrimEnd('.')}: another process uses that port; stop it or set ASPNETCORE_URLS to another address", Failed);
        if (all.OfType<NpgsqlException>().FirstOrDefault() is { } database)
            return ($"cannot use the database in ICEWATCH_DATABASE: {database.Message}{(database.InnerException is { } why ? $" ({why.Message})" : "")}", Failed);
        return null;
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        yield return e;
        var inner = e is AggregateException aggregate ? aggregate.InnerExceptions : e.InnerException is { } one ? [one] : [];
        foreach (var child in inner)
            foreach (var nested in Flatten(child))
                yield return nested;
    }
}
