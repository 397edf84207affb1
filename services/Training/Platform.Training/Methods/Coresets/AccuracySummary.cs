namespace Platform.Training.Methods.Coresets;

/// <summary>Mean and sample standard deviation of a method's test accuracies over seeds.</summary>
public sealed record AccuracySummary(string Method, int Runs, double Mean, double Std)
{
    /// <summary>Summarizes <paramref name="accuracies"/> (std is 0 for a single run).</summary>
    public static AccuracySummary Of(string method, IReadOnlyList<double> accuracies)
    {
        if (accuracies.Count == 0)
            throw new ArgumentException($"method '{method}' has no runs to summarize");
        var mean = accuracies.Average();
        var std = accuracies.Count < 2 ? 0 : Math.Sqrt(accuracies.Sum(a => (a - mean) * (a - mean)) / (accuracies.Count - 1));
        return new AccuracySummary(method, accuracies.Count, mean, std);
    }
}
