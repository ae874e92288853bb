using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace IceWatch.Silo;

/// <summary>Flat ICEWATCH_* keys (environment variables) override the bound IceWatch section.</summary>
internal static class EnvironmentSettings
{
    public static void Read(IConfiguration configuration, string key, Action<string> apply)
    {
        if (configuration[key] is { Length: > 0 } value) apply(value);
    }

    public static void ReadNumber(IConfiguration configuration, string key, Action<double> apply) =>
        Read(configuration, key, value => apply(double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Invalid(key, $"{key} must be a number, not '{value}'.")));

    public static void ReadFlag(IConfiguration configuration, string key, Action<bool> apply) =>
        Read(configuration, key, value => apply(value.Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => throw Invalid(key, $"{key} must be true or false, not '{value}'."),
        }));

    // A settings error, so start-up reports it as one line to change rather than a crash.
    public static OptionsValidationException Invalid(string key, string message) => new(key, typeof(string), [message]);
}
