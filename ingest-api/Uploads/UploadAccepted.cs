namespace IceWatch.IngestApi.Uploads;

/// <summary>The 202 answer to a dump upload: the upload is committed and will be processed.</summary>
public sealed record UploadAccepted(string SessionId, Guid UploadId, bool Duplicate);
