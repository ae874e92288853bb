using IceWatch.Grains.Parsing;
using IceWatch.Grains.Regions;
using IceWatch.Grains.Sessions;
using IceWatch.Grains.Tests.Golden;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Tests.Regions;

/// <summary>Firefox never names a relay candidate's TURN URL and writes error URLs its own way; the TURN counters must still see its calls.</summary>
public sealed class FirefoxTurnRollupTests
{
    private const string TurnUdp = "turn:10.201.0.1:3478?transport=udp";

    private static IReadOnlyList<TurnCounterDelta> Counted(string recording)
    {
        using var stream = File.OpenRead(Path.Combine(Recordings.Root, recording, "sdk-report.json"));
        var grain = new SessionGrain(new SessionState { SessionId = recording }, SessionOptions.Default);
        grain.Apply(UploadReader.Read(stream), DateTimeOffset.UnixEpoch.AddDays(20000));
        return grain.Evaluate(now: null).SelectMany(v => TurnServerRollup.Diff(null, v, DateTimeOffset.UnixEpoch)).ToList();
    }

    [Fact]
    public void A_relayed_firefox_call_is_counted_as_relayed_through_its_inferred_turn_url_with_its_bytes()
    {
        var deltas = Counted("firefox-turn-udp-relay");

        Assert.All(deltas, d => Assert.Equal(TurnUdp, d.Key.TurnUrl));
        Assert.Equal(2, deltas.Sum(d => d.RelayedVia));
        Assert.True(deltas.Sum(d => d.BytesRelayed) > 0);
    }

    [Fact]
    public void A_firefox_401_repeated_per_transport_counts_once_per_peer_connection_against_the_configured_url()
    {
        var deltas = Counted("firefox-turn-wrong-password");

        Assert.All(deltas, d => Assert.Equal((TurnUdp, Categories.TurnAuthFailed), (d.Key.TurnUrl, d.Key.Category)));
        Assert.Equal((2L, 2L), (deltas.Sum(d => d.PeerConnections), deltas.Sum(d => d.AuthErrors)));
    }
}
