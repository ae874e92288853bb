namespace IceWatch.Silo;

/// <summary>Wakes idle workers early when a new upload is announced; polling remains the fallback.</summary>
internal sealed class InboxSignal
{
    private readonly SemaphoreSlim _wake = new(0, 64);

    public void Notify()
    {
        try { _wake.Release(); }
        catch (SemaphoreFullException) { /* enough wake-ups are already queued */ }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await _wake.WaitAsync(timeout, ct);
}
