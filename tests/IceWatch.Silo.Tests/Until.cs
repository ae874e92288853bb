namespace IceWatch.Silo.Tests;

internal static class Until
{
    /// <summary>Polls until the condition holds; fails the test when it does not within the timeout.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string? what = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not within {timeout}: {what ?? "condition"}");
            await Task.Delay(25);
        }
    }
}
