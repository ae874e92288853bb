namespace IceWatch.Silo;

/// <summary>Wakes this node's dispatcher as soon as its evaluator queues a notification; polling covers the other nodes' rows.</summary>
internal sealed class NotificationSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        try { _wake.Release(); }
        catch (SemaphoreFullException) { /* a wake-up is already queued */ }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await _wake.WaitAsync(timeout, ct);
}
