using IceWatch.Grains.Events;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Where the readers put what they read: ICE events, and getStats objects as their kept fields.
/// <see cref="EventBuffer"/> turns the latter into StatsObserved events (the upload as events);
/// <see cref="FactsOutput"/> folds everything straight into the peer connections' facts.
/// </summary>
public abstract class UploadOutput
{
    public abstract void Add(IceEvent e);

    /// <summary>One stats object at one time with the fields the filter kept (none: it was only seen then).</summary>
    public abstract void AddStats(string peerConnectionId, DateTimeOffset time, string statsId, string statsType, ReadOnlySpan<StatField> values);
}
