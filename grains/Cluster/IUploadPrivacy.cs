using IceWatch.Grains.Events;

namespace IceWatch.Grains.Cluster;

/// <summary>What happens to an upload's events before they reach a session's state (address obfuscation).</summary>
public interface IUploadPrivacy
{
    Task<Func<IceEvent, IceEvent>> RedactorAsync(CancellationToken ct);
}
