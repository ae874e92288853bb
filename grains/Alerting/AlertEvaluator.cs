using System.Globalization;

namespace IceWatch.Grains.Alerting;

/// <summary>One evaluation step of an alert rule: pure, so every silo node computes the same answer.</summary>
public static class AlertEvaluator
{
    /// <param name="windows">Counts for each of <see cref="AlertRule.Windows"/>, in that order.</param>
    public static AlertDecision Evaluate(AlertRule rule, AlertState state, IReadOnlyList<WindowCounts> windows, DateTimeOffset now)
    {
        var main = windows[0];
        var (breaching, reason) = rule.BurnRate is { } burn ? BurnRate(rule, burn, windows) : Threshold(rule, main);
        if (state.Status == AlertStatus.Ok)
        {
            if (!breaching) return new AlertDecision(state, AlertTransition.None, reason);
            var fired = new AlertState { Status = AlertStatus.Firing, FiringSince = now, PeakRate = main.Rate ?? 0, PeakCounts = main };
            return new AlertDecision(fired, AlertTransition.Fired, reason);
        }

        var peak = (main.Rate ?? 0) > state.PeakRate ? state with { PeakRate = main.Rate ?? 0, PeakCounts = main } : state;
        var recovered = rule.BurnRate is { } b ? (main.Rate ?? 0) <= b.MaxRate : (main.Rate ?? 0) <= rule.RecoveryThreshold;
        if (breaching || !recovered)
            return new AlertDecision(peak with { RecoveringSince = null }, AlertTransition.None, reason);
        var since = state.RecoveringSince ?? now;
        if (now - since < rule.ResolveAfter)
            return new AlertDecision(peak with { RecoveringSince = since }, AlertTransition.None, $"recovering since {since:u}: {reason}");
        return new AlertDecision(AlertState.Ok, AlertTransition.Resolved, $"rate at or below recovery for {(now - since).TotalSeconds:0} s: {reason}");
    }

    private static (bool Breaching, string Reason) Threshold(AlertRule rule, WindowCounts w)
    {
        var rate = w.Rate ?? 0;
        var lower = Wilson.LowerBound(w.FailedClients, w.Clients, rule.Z);
        var text = Describe(w, rule.Threshold) + string.Create(CultureInfo.InvariantCulture, $", Wilson lower bound {Percent(lower)}");
        if (TooFew(rule, w) is { } few) return (false, $"{text}; {few}");
        return (rate > rule.Threshold && lower > rule.Threshold, text);
    }

    private static (bool Breaching, string Reason) BurnRate(AlertRule rule, BurnRateRule burn, IReadOnlyList<WindowCounts> windows)
    {
        var (shortWindow, longWindow) = (windows[0], windows[1]);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"burn rate over {burn.ShortWindow.TotalMinutes:0} min {Burn(shortWindow, burn):0.0}x and over {burn.LongWindow.TotalMinutes:0} min {Burn(longWindow, burn):0.0}x (page at {burn.Factor:0.0}x of a {Percent(burn.ErrorBudget)} budget)");
        // Volume from the long window; the clients that failed from the short one, which must breach too.
        if (TooFew(rule, longWindow with { FailedClients = shortWindow.FailedClients }) is { } few) return (false, $"{text}; {few}");
        return ((shortWindow.Rate ?? 0) > burn.MaxRate && (longWindow.Rate ?? 0) > burn.MaxRate, text);
    }

    /// <summary>
    /// Why a window is too thin to page on, or null: fewer clients or peer connections than the rule's
    /// minimum volume, or ICE failures seen by fewer than <see cref="AlertRule.MinFailingClients"/> clients,
    /// so that one session or one network can never page on its own, whatever the rule's threshold.
    /// </summary>
    public static string? TooFew(AlertRule rule, WindowCounts w) =>
        w.Clients < rule.MinClients ? $"below the minimum volume of {rule.MinClients} clients"
        : w.PeerConnections < rule.MinPeerConnections ? $"below the minimum volume of {rule.MinPeerConnections} peer connections"
        : w.FailedClients < AlertRule.MinFailingClients ? $"failures from fewer than {AlertRule.MinFailingClients} clients never page"
        : null;

    private static double Burn(WindowCounts w, BurnRateRule burn) => (w.Rate ?? 0) / burn.ErrorBudget;

    public static string Describe(WindowCounts w, double threshold) => string.Create(CultureInfo.InvariantCulture,
        $"{w.FailedClients} of {w.Clients} clients saw ICE fail in {w.Window.TotalMinutes:0.#} min ({Percent(w.Rate ?? 0)}, threshold {Percent(threshold)}); {w.Failed} of {w.PeerConnections} peer connections failed");

    public static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.00}%");
}
