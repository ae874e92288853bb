namespace IceWatch.Grains.Cluster;

/// <summary>One session of one tenant, keyed by the tenant id and the session id (the key extension).</summary>
public interface ISessionGrain : IGrainWithGuidCompoundKey
{
    /// <summary>Applies one upload the API has just committed to the inbox; the body comes along when it is small.</summary>
    Task ProcessAsync(UploadHandoff upload, CancellationToken cancellationToken = default);

    /// <summary>Applies every upload of the session the inbox still holds unprocessed, in received order.</summary>
    Task CatchUpAsync(CancellationToken cancellationToken = default);

    /// <summary>Evaluates again without a new upload: a stall deadline has passed.</summary>
    Task EvaluateAsync(CancellationToken cancellationToken = default);
}
