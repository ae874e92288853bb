using System.Globalization;

namespace IceWatch.Grains.Cluster;

/// <summary>
/// A PostgreSQL snapshot as <c>pg_current_snapshot()</c> prints it, <c>xmin:xmax:xip,...</c>: which
/// transactions a read could see. A window rebuilt under this snapshot already holds the deltas of
/// every transaction visible in it, and none of the others.
/// </summary>
public sealed class TransactionSnapshot
{
    private readonly ulong _xmin;
    private readonly ulong _xmax;
    private readonly HashSet<ulong> _inProgress;

    private TransactionSnapshot(ulong xmin, ulong xmax, HashSet<ulong> inProgress) => (_xmin, _xmax, _inProgress) = (xmin, xmax, inProgress);

    /// <summary>Sees nothing: every delta counts.</summary>
    public static TransactionSnapshot None { get; } = new(0, 0, []);

    public static TransactionSnapshot Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 3) throw new FormatException($"'{text}' is not a snapshot (xmin:xmax:xip,...).");
        var inProgress = parts[2].Length == 0 ? [] : parts[2].Split(',').Select(Xid).ToHashSet();
        return new TransactionSnapshot(Xid(parts[0]), Xid(parts[1]), inProgress);
    }

    public bool Sees(long transactionId)
    {
        var xid = (ulong)transactionId;
        return xid < _xmin || (xid < _xmax && !_inProgress.Contains(xid));
    }

    private static ulong Xid(string text) => ulong.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
