using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IceWatch.Silo;

/// <summary>
/// Starts hosted services that may wait indefinitely (a silo waiting for PostgreSQL, a client waiting
/// for a silo) without holding up the host: start-up waits for them a few seconds, then lets the host
/// finish starting while they go on in the background, so HTTP, probes and the inbox serve meanwhile.
/// </summary>
internal sealed class PatientStart(IReadOnlyList<IHostedService> inner, TimeSpan foreground, ILogger<PatientStart> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _starting = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _starting = StartAllAsync(_stopping.Token);
        var done = await Task.WhenAny(_starting, Task.Delay(foreground, cancellationToken));
        if (done == _starting) await _starting;
        else logger.LogWarning("The Orleans runtime is still starting after {Seconds} s (waiting for PostgreSQL or a silo); serving meanwhile", foreground.TotalSeconds);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _starting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var service in inner.Reverse()) await service.StopAsync(cancellationToken);
    }

    private async Task StartAllAsync(CancellationToken ct)
    {
        foreach (var service in inner) await service.StartAsync(ct);
    }

    /// <summary>Runs <paramref name="register"/> and moves the hosted services it added behind one <see cref="PatientStart"/>.</summary>
    public static void Wrap(IServiceCollection services, TimeSpan foreground, Action register)
    {
        var before = services.Where(d => d.ServiceType == typeof(IHostedService)).ToHashSet();
        register();
        var added = services.Where(d => d.ServiceType == typeof(IHostedService) && !before.Contains(d)).ToList();
        foreach (var descriptor in added) services.Remove(descriptor);
        services.AddSingleton<IHostedService>(sp => new PatientStart(
            added.Select(d => (IHostedService)(d.ImplementationInstance ?? d.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!))).ToList(),
            foreground, sp.GetRequiredService<ILogger<PatientStart>>()));
    }
}
