using Microsoft.Extensions.Logging;
using Platform.Contracts.Training;
using Platform.Messaging.Worker;
using Platform.Training.Methods.Training;

namespace Platform.Training.Jobs;

/// <summary>Publishes a trainer's progress and metrics and saves its checkpoints through the job context.</summary>
internal sealed class JobTrainingObserver<T>(
    JobContext<T> context, TrainSpec spec, Func<int, Task> checkpoint,
    int modelIndex = 0, int models = 1, string metricPrefix = "") : ITrainingObserver
    where T : class, Contracts.Jobs.IJobSpec
{
    public void BatchDone(int epoch, int batch, int batchesPerEpoch)
    {
        var perModel = (double)spec.Epochs * batchesPerEpoch;
        var done = modelIndex * perModel + epoch * batchesPerEpoch + batch;
        var model = models > 1 ? $"model {modelIndex + 1}/{models}, " : "";
        context.ReportProgress(done, models * perModel, $"{model}epoch {epoch + 1}/{spec.Epochs}, batch {batch}/{batchesPerEpoch}");
    }

    public Task EpochEndedAsync(EpochMetrics metrics)
    {
        foreach (var (key, value) in metrics.Values())
            context.LogMetric(metricPrefix + key, metrics.Epoch, value);
        context.Logger.LogEpoch(metricPrefix, metrics);
        return Task.CompletedTask;
    }

    public Task CheckpointAsync(int epochsDone) => checkpoint(epochsDone);
}
