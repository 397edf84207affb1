using Platform.Contracts.Training;
using Platform.Messaging.Worker;
using Platform.Torch;
using Platform.Training.Methods.Training;
using Platform.Vision.Datasets;

namespace Platform.Training.Jobs;

/// <summary>
/// Runs <see cref="TrainingJobKinds.Train"/>: prepares the exact training set, trains with live progress and
/// per-epoch metrics, checkpoints every k epochs (weights registered as model versions, full state for resume),
/// and stores membership and loss trajectories. A redelivered job continues after its last checkpointed epoch.
/// </summary>
public sealed class TrainJobHandler : IJobHandler<TrainSpec>
{
    /// <inheritdoc />
    public async Task<object?> RunAsync(JobContext<TrainSpec> context)
    {
        var spec = context.Spec;
        var device = TrainingRuntime.Prepare(spec);
        var data = TrainingDataBuilder.Build(spec, BuiltinDatasets.Load(spec.Dataset, DatasetSplit.Train),
            BuiltinDatasets.Load(spec.Dataset, DatasetSplit.Test));
        using var trainer = new Trainer(spec, data, device);
        if (context.Checkpoint is not null)
        {
            await using var stream = context.OpenCheckpoint();
            trainer.LoadCheckpoint(stream);
        }
        await TrainingArtifacts.StoreMembershipAsync(context, data);
        var name = spec.ModelName ?? $"{spec.Model}-{context.JobId.ToString("N")[..8]}";
        var observer = new JobTrainingObserver<TrainSpec>(context, spec, async epochs =>
        {
            await TrainingArtifacts.StoreModelAsync(context, trainer, $"model-epoch-{epochs}.safetensors",
                ModelCardBuilder.Build(name, spec, trainer, data, context.JobId, epochs));
            var state = new MemoryStream();
            trainer.SaveCheckpoint(state);
            state.Position = 0;
            await context.SaveCheckpointAsync(epochs, state);
        });
        await trainer.RunAsync(observer, context.CancellationToken);
        await TrainingArtifacts.StoreTrajectoriesAsync(context, trainer);
        var last = trainer.History[^1];
        return new
        {
            model = name,
            epochs = trainer.CompletedEpochs,
            trainSamples = data.Train.Count,
            testAccuracy = last.TestAccuracy,
            trainAccuracy = last.TrainAccuracy,
            testLoss = last.TestLoss,
            epsilon = last.Epsilon,
            noiseMultiplier = trainer.NoiseMultiplier,
            device = device.ToString(),
        };
    }
}
