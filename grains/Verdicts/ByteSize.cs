using System.Globalization;

namespace IceWatch.Grains.Verdicts;

/// <summary>How IceWatch writes a byte count for people, in the diagnose report and the web UI alike: binary units, labelled as such.</summary>
public static class ByteSize
{
    public static string Text(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.##", CultureInfo.InvariantCulture) + " GiB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.##", CultureInfo.InvariantCulture) + " MiB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.#", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };
}
