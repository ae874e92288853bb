using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads parts of one upload (a peer connection, a batch of lines) on the thread pool while the
/// caller goes on splitting the input, and hands their events back in the order the parts were
/// queued. A part that fails throws when its turn comes, after the events of the parts before it.
/// At most a few parts and a few megabytes are in flight, so memory stays flat.
/// </summary>
internal sealed class ReadAhead(int readers)
{
    /// <summary>The largest part worth handing to another thread; a larger one is read in place.</summary>
    public const int MaxPartBytes = 8 * 1024 * 1024;

    private const long MaxBytesInFlight = 16 * 1024 * 1024;

    private readonly Queue<(Task<List<IceEvent>> Events, int Bytes)> parts = new();
    private long bytesInFlight;

    /// <summary>How many threads read parts at once.</summary>
    public int Readers { get; } = Math.Max(1, readers);

    /// <summary>True while parts are queued that have not been handed back.</summary>
    public bool Pending => parts.Count > 0;

    /// <summary>
    /// True when the oldest part should be handed back before more are queued: it is done, or as
    /// much is in flight as is allowed.
    /// </summary>
    public bool Full => parts.Count > 0
        && (parts.Peek().Events.IsCompleted || parts.Count >= 4 * Readers || bytesInFlight >= MaxBytesInFlight);

    /// <summary>
    /// Queues a part of <paramref name="bytes"/> bytes; with <paramref name="after"/>, it starts only
    /// once that part is read (parts that share state, such as one peer connection's lines).
    /// </summary>
    public Task<List<IceEvent>> Queue(Func<List<IceEvent>> read, int bytes, Task? after = null)
    {
        var task = after is null
            ? Task.Run(read)
            : after.ContinueWith(_ => read(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        parts.Enqueue((task, bytes));
        bytesInFlight += bytes;
        return task;
    }

    /// <summary>Queues a failure found while splitting, to be thrown after the parts before it.</summary>
    public void Fail(Exception error) => parts.Enqueue((Task.FromException<List<IceEvent>>(error), 0));

    /// <summary>The events of the oldest part, waiting for it when it is not read yet.</summary>
    public List<IceEvent> Next()
    {
        var (events, bytes) = parts.Dequeue();
        bytesInFlight -= bytes;
        return events.GetAwaiter().GetResult();
    }
}
