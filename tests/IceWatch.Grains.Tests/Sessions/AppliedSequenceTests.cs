using System.Text.Json;
using IceWatch.Grains;
using IceWatch.Grains.Sessions;

namespace IceWatch.Grains.Tests.Sessions;

public sealed class AppliedSequenceTests
{
    [Fact]
    public void A_report_seen_before_is_refused_whether_it_is_below_the_mark_or_above_it()
    {
        var applied = new AppliedSequence();
        Assert.True(applied.Add(0));
        Assert.True(applied.Add(1));
        Assert.True(applied.Add(5));

        Assert.False(applied.Add(0));
        Assert.False(applied.Add(5));
        Assert.True(applied.Add(3));
    }

    [Fact]
    public void In_order_reports_keep_only_a_mark_so_an_hour_of_them_stays_as_small_as_one()
    {
        var applied = new AppliedSequence();
        for (var seq = 0; seq < 720; seq++) Assert.True(applied.Add(seq));

        Assert.Equal(720, applied.Below);
        Assert.Empty(applied.Above);
        Assert.Equal("""{"below":720,"above":[]}""", JsonSerializer.Serialize(applied, GrainJson.Options));
    }

    [Fact]
    public void A_gap_keeps_the_reports_after_it_until_it_fills()
    {
        var applied = new AppliedSequence();
        foreach (var seq in new long[] { 0, 2, 3, 5 }) applied.Add(seq);
        Assert.Equal(1L, applied.Below);
        Assert.Equal([2L, 3L, 5L], applied.Above);

        applied.Add(1);

        Assert.Equal(4L, applied.Below);
        Assert.Equal([5L], applied.Above);
    }

    [Fact]
    public void State_stored_before_as_a_list_of_numbers_reads_into_the_compact_form()
    {
        var state = JsonSerializer.Deserialize<SessionState>("""{"sessionId":"s","appliedReports":{"pc-1":[2,0,1,7]}}""", GrainJson.Options)!;

        var applied = state.AppliedReports["pc-1"];
        Assert.Equal(3L, applied.Below);
        Assert.Equal([7L], applied.Above);
        Assert.False(applied.Add(1));
        var again = JsonSerializer.Deserialize<SessionState>(JsonSerializer.Serialize(state, GrainJson.Options), GrainJson.Options)!.AppliedReports["pc-1"];
        Assert.Equal(3L, again.Below);
        Assert.Equal([7L], again.Above);
    }
}
