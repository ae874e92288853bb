namespace IceWatch.IngestApi.Uploads;

/// <summary>
/// The 202 answer to a dump upload: the upload is committed and will be processed. PeerConnections
/// counts the peer connections found; IgnoredEntries the entries that were not peer connections.
/// </summary>
public sealed record UploadAccepted(string SessionId, Guid UploadId, bool Duplicate, int PeerConnections, int IgnoredEntries, IReadOnlyList<string> Notes);
