using System.Collections.Concurrent;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads parts of one upload (a peer connection, a batch of lines) on other threads while the caller
/// goes on splitting the input, and hands their events back in the order the parts were queued. A
/// part that fails throws when its turn comes, after the events of the parts before it. At most a
/// few parts and a few megabytes are in flight, so memory stays flat. The caller is one of the
/// readers: rather than wait for a part, it reads one itself, so N readers keep N cores busy.
/// </summary>
internal sealed class ReadAhead(int readers)
{
    /// <summary>The largest part worth handing to another thread; a larger one is read in place.</summary>
    public const int MaxPartBytes = 8 * 1024 * 1024;

    private const long MaxBytesInFlight = 16 * 1024 * 1024;

    private readonly Queue<ReadAheadPart> parts = new();
    private readonly ConcurrentQueue<ReadAheadPart> unclaimed = new();
    private long bytesInFlight;
    private int helpers;

    /// <summary>How many threads read parts at once, the caller's included.</summary>
    public int Readers { get; } = Math.Max(1, readers);

    /// <summary>True while parts are queued that have not been handed back.</summary>
    public bool Pending => parts.Count > 0;

    /// <summary>
    /// True when the oldest part should be handed back before more are queued: it is done, or as
    /// much is in flight as is allowed.
    /// </summary>
    public bool Full => parts.Count > 0
        && (parts.Peek().IsDone || parts.Count >= 4 * Readers || bytesInFlight >= MaxBytesInFlight);

    /// <summary>
    /// Queues a part of <paramref name="bytes"/> bytes; with <paramref name="after"/>, it is read only
    /// once that part is (parts that share state, such as one peer connection's lines).
    /// </summary>
    public ReadAheadPart Queue(Func<List<IceEvent>> read, int bytes, ReadAheadPart? after = null)
    {
        var part = new ReadAheadPart(read, bytes, after);
        parts.Enqueue(part);
        bytesInFlight += bytes;
        if (after is not null)
        {
            after.Successor = part;
        }

        unclaimed.Enqueue(part);
        if (Interlocked.Increment(ref helpers) < Readers)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => Help(), null);
        }
        else
        {
            Interlocked.Decrement(ref helpers);
        }

        return part;
    }

    /// <summary>Queues a failure found while splitting, to be thrown after the parts before it.</summary>
    public void Fail(Exception error) => parts.Enqueue(ReadAheadPart.Failed(error));

    /// <summary>The events of the oldest part, reading it (or another) here rather than waiting while one is unread.</summary>
    public List<IceEvent> Next()
    {
        var oldest = parts.Peek();
        while (!oldest.IsDone && !oldest.TryRead())
        {
            // Another thread reads it: read a later part meanwhile, or wait when none is left.
            if (unclaimed.TryDequeue(out var other))
            {
                other.TryRead();
            }
            else
            {
                oldest.Wait();
            }
        }

        parts.Dequeue();
        bytesInFlight -= oldest.Bytes;
        return oldest.Result();
    }

    // A thread other than the caller's: reads unclaimed parts until there are none.
    private void Help()
    {
        while (true)
        {
            while (unclaimed.TryDequeue(out var part))
            {
                part.TryRead();
            }

            Interlocked.Decrement(ref helpers);
            if (unclaimed.IsEmpty)
            {
                return;
            }

            // A part queued while this thread was leaving: stay, unless another helper took its place.
            if (Interlocked.Increment(ref helpers) >= Readers)
            {
                Interlocked.Decrement(ref helpers);
                return;
            }
        }
    }
}
