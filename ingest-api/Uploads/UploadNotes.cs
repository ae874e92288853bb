using System.Globalization;
using IceWatch.Grains.Parsing;

namespace IceWatch.IngestApi.Uploads;

/// <summary>What an upload's answer tells its sender about the parts IceWatch will not count.</summary>
public static class UploadNotes
{
    public static IReadOnlyList<string> For(UploadSummary summary) => summary.EmptyEntries switch
    {
        0 => [],
        1 => ["1 entry named a peer connection but held no configuration, no event and no stats: it is not a peer connection and is not counted."],
        var n => [string.Create(CultureInfo.InvariantCulture,
            $"{n:N0} entries named a peer connection but held no configuration, no event and no stats: they are not peer connections and are not counted.")],
    };
}
