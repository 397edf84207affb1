using Platform.Lab.V1;

namespace Platform.Dashboard.Model;

/// <summary>One metric's points, in step order.</summary>
public sealed record MetricSeries(string Key, IReadOnlyList<MetricPoint> Points);

/// <summary>A point of a chart.</summary>
public sealed record MetricPoint(double Step, double Value);

/// <summary>A chart: a title and the series drawn on it.</summary>
public sealed record MetricChartModel(string Title, IReadOnlyList<MetricSeries> Series);

/// <summary>Groups a job's metrics into the charts researchers look at first: loss, accuracy, learning rate, ε, then the rest.</summary>
public static class MetricCharts
{
    public static IReadOnlyList<MetricChartModel> From(IEnumerable<Metric> metrics)
    {
        var series = metrics.GroupBy(m => m.Key)
            .Select(g => new MetricSeries(g.Key, g.OrderBy(m => m.Step).Select(m => new MetricPoint(m.Step, m.Value)).ToList()))
            .ToList();
        var charts = new List<MetricChartModel>();
        void Take(string title, Func<string, bool> match)
        {
            var picked = series.Where(s => match(s.Key)).OrderBy(s => s.Key).ToList();
            if (picked.Count == 0)
                return;
            charts.Add(new MetricChartModel(title, picked));
            series.RemoveAll(picked.Contains);
        }
        Take("Loss", k => k.EndsWith("loss", StringComparison.Ordinal));
        Take("Accuracy", k => k.EndsWith("accuracy", StringComparison.Ordinal));
        Take("Learning rate", k => k == "lr" || k.EndsWith("_lr", StringComparison.Ordinal));
        Take("ε (DP)", k => k.EndsWith("epsilon", StringComparison.Ordinal));
        foreach (var rest in series.OrderBy(s => s.Key).ToList())
            charts.Add(new MetricChartModel(rest.Key, [rest]));
        return charts;
    }
}
