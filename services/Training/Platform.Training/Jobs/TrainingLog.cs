using Microsoft.Extensions.Logging;
using Platform.Training.Methods.Training;

namespace Platform.Training.Jobs;

internal static partial class TrainingLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Prefix}epoch {Epoch}: train loss {TrainLoss:0.0000} acc {TrainAccuracy:P2}, test loss {TestLoss:0.0000} acc {TestAccuracy:P2}, {ImagesPerSecond:0} img/s")]
    private static partial void Epoch(ILogger logger, string prefix, int epoch, double trainLoss, double trainAccuracy,
        double testLoss, double testAccuracy, double imagesPerSecond);

    public static void LogEpoch(this ILogger logger, string prefix, EpochMetrics m) =>
        Epoch(logger, prefix, m.Epoch, m.TrainLoss, m.TrainAccuracy, m.TestLoss, m.TestAccuracy, m.ImagesPerSecond);
}
