using System.Runtime.ExceptionServices;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// One part of an upload queued in a <see cref="ReadAhead"/>: read once, by whichever thread claims it
/// first, and only after the part it must follow. The thread that finishes a part goes on with the
/// part that waits for it.
/// </summary>
internal sealed class ReadAheadPart
{
    private readonly Func<List<IceEvent>>? read;
    private readonly ReadAheadPart? after;
    private readonly ManualResetEventSlim done = new(false);
    private volatile ReadAheadPart? successor;
    private int claimed;
    private List<IceEvent>? events;
    private ExceptionDispatchInfo? error;

    public ReadAheadPart(Func<List<IceEvent>> read, int bytes, ReadAheadPart? after)
    {
        this.read = read;
        this.after = after;
        Bytes = bytes;
    }

    private ReadAheadPart(Exception error)
    {
        this.error = ExceptionDispatchInfo.Capture(error);
        claimed = 1;
        done.Set();
    }

    public int Bytes { get; }

    public bool IsDone => done.IsSet;

    /// <summary>The part queued to follow this one.</summary>
    public ReadAheadPart? Successor { set => successor = value; }

    public static ReadAheadPart Failed(Exception error) => new(error);

    /// <summary>Reads the part here unless another thread has, or the part it follows is not read yet.</summary>
    public bool TryRead()
    {
        if ((after is not null && !after.IsDone) || Interlocked.Exchange(ref claimed, 1) != 0)
        {
            return false;
        }

        try
        {
            events = read!();
        }
        catch (Exception e)
        {
            error = ExceptionDispatchInfo.Capture(e);
        }

        done.Set();
        successor?.TryRead();
        return true;
    }

    public void Wait() => done.Wait();

    /// <summary>The part's events, or its failure thrown.</summary>
    public List<IceEvent> Result()
    {
        error?.Throw();
        return events!;
    }
}
