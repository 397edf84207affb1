namespace Platform.Training.Methods.Training;

/// <summary>What one epoch measured. <see cref="Epsilon"/> is the DP guarantee spent so far (DP runs only).</summary>
public sealed record EpochMetrics(
    int Epoch, double TrainLoss, double TrainAccuracy, double TestLoss, double TestAccuracy, double LearningRate,
    double Seconds, double ImagesPerSecond, double? Epsilon)
{
    /// <summary>The metrics as (key, value) pairs, the names runs are compared by.</summary>
    public IEnumerable<(string Key, double Value)> Values()
    {
        yield return ("train_loss", TrainLoss);
        yield return ("train_accuracy", TrainAccuracy);
        yield return ("test_loss", TestLoss);
        yield return ("test_accuracy", TestAccuracy);
        yield return ("lr", LearningRate);
        yield return ("epoch_seconds", Seconds);
        yield return ("images_per_second", ImagesPerSecond);
        if (Epsilon is { } e)
            yield return ("epsilon", e);
    }
}
