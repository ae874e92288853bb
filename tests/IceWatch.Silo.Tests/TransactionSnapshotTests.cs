using IceWatch.Grains.Cluster;

namespace IceWatch.Silo.Tests;

public sealed class TransactionSnapshotTests
{
    [Fact]
    public void A_snapshot_sees_what_committed_before_it_and_not_what_was_running_or_came_after()
    {
        var snapshot = TransactionSnapshot.Parse("100:105:101,103");

        Assert.True(snapshot.Sees(99));
        Assert.True(snapshot.Sees(102));
        Assert.True(snapshot.Sees(104));
        Assert.False(snapshot.Sees(101));
        Assert.False(snapshot.Sees(103));
        Assert.False(snapshot.Sees(105));
        Assert.False(snapshot.Sees(200));
        Assert.False(TransactionSnapshot.None.Sees(1));
    }

    [Fact]
    public void Text_that_is_not_a_snapshot_is_refused() =>
        Assert.Throws<FormatException>(() => TransactionSnapshot.Parse("100:105"));
}
