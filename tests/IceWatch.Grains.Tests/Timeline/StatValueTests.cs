using System.Globalization;
using IceWatch.Grains.Events;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Tests.Timeline;

/// <summary>
/// Readers that fold straight into the facts hand values over as StatValues; events carry them as
/// objects. The fold must read both alike, including values of an unexpected kind.
/// </summary>
public sealed class StatValueTests
{
    public static TheoryData<object?> Values() =>
        ["succeeded", "", "42", "-7", "3.25", "true", "False", "1e3", true, false, 42L, -3L, 7, 3.9, -2.5, double.NaN,
         double.PositiveInfinity, 1e300, null, 2.5f, (byte)9];

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_reads_the_same_whether_held_unboxed_or_as_the_object_an_event_carries(object? value)
    {
        var held = StatValue.FromObject(value);

        Assert.Equal(value switch
        {
            null => null,
            string s => s,
            bool b => b ? "true" : "false",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        }, held.Str());
        Assert.Equal(value switch
        {
            long l => l,
            int i => i,
            double d when !double.IsNaN(d) && !double.IsInfinity(d) => (long)d,
            string s when long.TryParse(s, CultureInfo.InvariantCulture, out var l) => l,
            _ => (long?)null,
        }, held.Long());
        Assert.Equal(value switch
        {
            double d => d,
            long l => l,
            int i => i,
            string s when double.TryParse(s, CultureInfo.InvariantCulture, out var d) => d,
            _ => (double?)null,
        }, held.Double());
        Assert.Equal(value switch
        {
            bool b => b,
            string s when bool.TryParse(s, out var b) => b,
            _ => (bool?)null,
        }, held.Bool());
    }

    [Theory]
    [InlineData("x")]
    [InlineData(true)]
    [InlineData(12L)]
    [InlineData(0.5)]
    [InlineData(null)]
    public void A_value_given_back_as_an_object_is_the_one_held(object? value) =>
        Assert.Equal(value, StatValue.FromObject(value).ToObject());

    [Fact]
    public void A_pair_folds_the_same_from_an_event_as_from_the_values_a_reader_hands_over()
    {
        var at = DateTimeOffset.UnixEpoch.AddDays(20_000);
        var values = new Dictionary<string, object?>
        {
            ["localCandidateId"] = "L1", ["remoteCandidateId"] = "R1", ["state"] = "succeeded", ["nominated"] = "true",
            ["bytesSent"] = 1200.7, ["bytesReceived"] = "800", ["currentRoundTripTime"] = 3L, ["selected"] = true,
        };
        var fromEvent = new PeerConnectionFacts { PeerConnectionId = "pc" };
        var fromReader = new PeerConnectionFacts { PeerConnectionId = "pc" };

        PeerConnectionTimeline.Apply(fromEvent, new StatsObserved("pc", at, "CP1", "candidate-pair", values));
        PeerConnectionTimeline.ApplyStats(fromReader, at, "CP1", "candidate-pair",
            [.. values.Select(v => new StatField(v.Key, StatValue.FromObject(v.Value)))]);

        Assert.Equal(fromEvent.Pairs["CP1"], fromReader.Pairs["CP1"]);
        Assert.Equal(new PairFacts
        {
            Id = "CP1", LocalCandidateId = "L1", RemoteCandidateId = "R1", State = "succeeded", StateAt = at, Nominated = true,
            Selected = true, SelectedAt = at, BytesSent = 1200, BytesReceived = 800, CurrentRoundTripTime = 3, FirstSucceededAt = at, LastSeen = at,
        }, fromReader.Pairs["CP1"]);
    }
}
