namespace IceWatch.Grains.Alerting;

/// <summary>The Wilson score interval of a binomial proportion: how low the true rate could plausibly be.</summary>
public static class Wilson
{
    public static double LowerBound(long failures, long total, double z)
    {
        if (total <= 0) return 0;
        var n = (double)total;
        var p = failures / n;
        var z2 = z * z;
        var center = p + z2 / (2 * n);
        var margin = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return Math.Max(0, (center - margin) / (1 + z2 / n));
    }
}
