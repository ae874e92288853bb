using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace IceWatch.Silo;

/// <summary>
/// The console as a person reads it: IceWatch's own lines at Information, one line each; the
/// framework categories (ASP.NET Core's several lines per request, Orleans, HttpClient) only from
/// Warning. Added as the first configuration source, so appsettings and <c>Logging__*</c>
/// variables still override every value, e.g. <c>Logging__LogLevel__Microsoft=Information</c>.
/// </summary>
public static class LoggingDefaults
{
    public static readonly IReadOnlyDictionary<string, string?> Values = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:Orleans"] = "Warning",
        ["Logging:LogLevel:System.Net.Http"] = "Warning",
        ["Logging:Console:FormatterName"] = "simple",
        ["Logging:Console:FormatterOptions:SingleLine"] = "true",
        ["Logging:Console:FormatterOptions:TimestampFormat"] = "HH:mm:ss ",
        ["Logging:Console:FormatterOptions:UseUtcTimestamp"] = "true",
    };

    public static void Apply(IConfigurationBuilder configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Values });
}
