namespace IceWatch.Grains.Timeline;

/// <summary>Reads getStats values that may arrive as string, bool, long or double.</summary>
internal static class StatValues
{
    public static string? Str(IReadOnlyDictionary<string, object?> values, string key) =>
        values.TryGetValue(key, out var v) ? v switch
        {
            null => null,
            string s => s,
            bool b => b ? "true" : "false",
            _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
        } : null;

    public static long? Long(IReadOnlyDictionary<string, object?> values, string key) =>
        values.TryGetValue(key, out var v) ? v switch
        {
            long l => l,
            int i => i,
            double d when !double.IsNaN(d) && !double.IsInfinity(d) => (long)d,
            string s when long.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var l) => l,
            _ => null,
        } : null;

    public static double? Double(IReadOnlyDictionary<string, object?> values, string key) =>
        values.TryGetValue(key, out var v) ? v switch
        {
            double d => d,
            long l => l,
            int i => i,
            string s when double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        } : null;

    public static bool? Bool(IReadOnlyDictionary<string, object?> values, string key) =>
        values.TryGetValue(key, out var v) ? v switch
        {
            bool b => b,
            string s when bool.TryParse(s, out var b) => b,
            _ => null,
        } : null;
}
