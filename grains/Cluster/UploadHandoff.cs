namespace IceWatch.Grains.Cluster;

/// <summary>An upload committed to the inbox, handed to its session; Body is null when the grain should read it from the inbox.</summary>
[GenerateSerializer, Immutable]
public sealed record UploadHandoff(
    [property: Id(0)] Guid UploadId,
    [property: Id(1)] DateTimeOffset ReceivedAt,
    [property: Id(2)] byte[]? Body);
