using IceWatch.Grains.Events;
using IceWatch.Grains.Sessions;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Tests.Classification;

/// <summary>Writes the event stream of one peer connection the way a browser would produce it.</summary>
internal sealed class EventScript(string id = "pc-1")
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly List<IceEvent> _events = [];

    public List<IceEvent> Events => _events;

    public static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    public EventScript Created(params string[] urls) => CreatedWithPolicy(null, urls);

    public EventScript CreatedWithPolicy(string? policy, params string[] urls) =>
        Add(new PeerConnectionCreated(id, T0, new IceConfiguration(urls.Length == 0 ? [] : [new IceServer(urls, urls.Any(u => u.StartsWith("turn")))], policy)));

    public EventScript CreatedWith(IceConfiguration configuration) => Add(new PeerConnectionCreated(id, T0, configuration));

    public EventScript Negotiated(double at = 0.05) => Add(new DescriptionSet(id, At(at), false, "offer")).Add(new DescriptionSet(id, At(at + 0.05), true, "answer"));

    public EventScript State(StateKind kind, string state, double at) => Add(new StateChanged(id, At(at), kind, state));

    public EventScript Ice(string state, double at) => State(StateKind.Ice, state, at);

    public EventScript Connection(string state, double at) => State(StateKind.Connection, state, at);

    public EventScript Local(string statsId, string type, string protocol = "udp", string? relayProtocol = null, long? priority = null, string? url = null, double at = 0.1) =>
        Add(new LocalCandidateGathered(id, At(at), new CandidateInfo(statsId, type, protocol, relayProtocol, url, priority, "192.0.2.1", 5000)));

    public EventScript Remote(string statsId, string type, double at = 0.2) =>
        Add(new RemoteCandidateAdded(id, At(at), new CandidateInfo(statsId, type, "udp", Address: "192.0.2.2", Port: 6000)));

    public EventScript CandidateError(string url, int code, string text, double at = 0.3) =>
        Add(new CandidateErrorOccurred(id, At(at), url, code, text, null, null));

    public EventScript Stats(double at, string statsId, string type, params (string Key, object? Value)[] values) =>
        Add(new StatsObserved(id, At(at), statsId, type, values.ToDictionary(v => v.Key, v => v.Value)));

    public EventScript Pair(double at, string pairId, string local, string remote, string state, long bytes, bool nominated = true) =>
        Stats(at, pairId, "candidate-pair", ("localCandidateId", local), ("remoteCandidateId", remote), ("state", state),
            ("nominated", nominated), ("bytesSent", bytes / 2), ("bytesReceived", bytes - bytes / 2), ("requestsSent", 5L), ("responsesReceived", 5L));

    public EventScript Selected(double at, string pairId) => Stats(at, "T01", "transport", ("selectedCandidatePairId", pairId), ("dtlsState", "connected"));

    public EventScript Until(double at) => Add(new RecordingEnded(id, At(at)));

    public EventScript Add(IceEvent e)
    {
        _events.Add(e);
        return this;
    }

    public Verdict Verdict(DateTimeOffset? now = null, double stallSeconds = 30)
    {
        var grain = new SessionGrain(new SessionState { SessionId = "s" }, new SessionOptions(TimeSpan.FromSeconds(stallSeconds)));
        grain.Apply(_events, T0);
        return Assert.Single(grain.Evaluate(now));
    }
}
