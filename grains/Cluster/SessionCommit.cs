using IceWatch.Grains.Sessions;

namespace IceWatch.Grains.Cluster;

/// <summary>One session step to commit, valid only while the session row still has <see cref="ExpectedVersion"/>.</summary>
public sealed record SessionCommit(string Region, long ExpectedVersion, SessionChanges Changes, IReadOnlyList<UploadOutcome> Uploads);
