namespace IceWatch.IngestApi.Uploads;

/// <summary>A request body as received; <see cref="Gzipped"/> by header or by its magic bytes.</summary>
public sealed record ReceivedBody(ReadOnlyMemory<byte> Bytes, bool Gzipped);
