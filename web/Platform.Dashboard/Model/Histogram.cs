namespace Platform.Dashboard.Model;

/// <summary>Counts of several groups of values over shared, equal-width bins (bin centers in <see cref="Centers"/>).</summary>
public sealed record Histogram(IReadOnlyList<double> Centers, IReadOnlyList<HistogramGroup> Groups)
{
    /// <summary>Bins every group's values over the range of all of them; NaN and infinities are left out.</summary>
    public static Histogram Of(int bins, params (string Name, IReadOnlyList<double> Values)[] groups)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var all = groups.SelectMany(g => g.Values).Where(double.IsFinite).ToList();
        var (min, max) = all.Count == 0 ? (0.0, 1.0) : (all.Min(), all.Max());
        var width = max > min ? (max - min) / bins : 1.0;
        var centers = Enumerable.Range(0, bins).Select(i => min + (i + 0.5) * width).ToList();
        var result = groups.Select(g =>
        {
            var counts = new int[bins];
            foreach (var v in g.Values.Where(double.IsFinite))
                counts[Math.Min(bins - 1, (int)((v - min) / width))]++;
            return new HistogramGroup(g.Name, centers.Select((c, i) => new MetricPoint(c, counts[i])).ToList());
        }).ToList();
        return new Histogram(centers, result);
    }
}

/// <summary>One group's counts per bin (Step = bin center, Value = count).</summary>
public sealed record HistogramGroup(string Name, IReadOnlyList<MetricPoint> Bins);
