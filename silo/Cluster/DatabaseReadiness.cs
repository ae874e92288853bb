namespace IceWatch.Silo;

/// <summary>Set once PostgreSQL answered and the schema is current; everything that needs the database waits for it.</summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompleted;

    public Task WaitAsync(CancellationToken ct) => _ready.Task.WaitAsync(ct);

    internal void Ready() => _ready.TrySetResult();
}
