namespace IceWatch.IngestApi.Uploads;

/// <summary>
/// The 202 answer to an SDK report batch; <see cref="Reports"/> counts the peer connections it reported on,
/// IgnoredEntries those it named without any event or stats (which are not peer connections).
/// </summary>
public sealed record ReportsAccepted(string SessionId, Guid UploadId, bool Duplicate, int Reports, int IgnoredEntries, IReadOnlyList<string> Notes);
