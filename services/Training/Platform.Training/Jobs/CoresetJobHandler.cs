using Platform.Contracts.Training;
using Platform.Messaging.Worker;
using Platform.Torch;
using Platform.Torch.Serialization;
using Platform.Training.Methods.Coresets;
using Platform.Training.Methods.Training;
using Platform.Vision.Datasets;

namespace Platform.Training.Jobs;

/// <summary>
/// Runs <see cref="TrainingJobKinds.Coreset"/>: gets loss trajectories (the referenced artifact, or a full-data
/// source run trained here with a validation hold-out), selects each method's class-balanced coreset, then trains
/// on every coreset and on random subsets with the same per-class counts, one model per method and seed. Stores
/// the selections and a report (JSON and CSV) and logs each method's mean and std test accuracy. Checkpoints carry
/// the run index, finished results and trainer state, so a redelivered job continues where it was.
/// </summary>
public sealed class CoresetJobHandler : IJobHandler<CoresetSpec>
{
    /// <inheritdoc />
    public async Task<object?> RunAsync(JobContext<CoresetSpec> context)
    {
        var spec = context.Spec;
        var device = TrainingRuntime.Prepare(spec.Train);
        var train = BuiltinDatasets.Load(spec.Train.Dataset, DatasetSplit.Train);
        var test = BuiltinDatasets.Load(spec.Train.Dataset, DatasetSplit.Test);
        var name = spec.Train.ModelName ?? $"coreset-{context.JobId.ToString("N")[..8]}";
        var plan = Enumerable.Range(0, spec.Seeds).SelectMany(s => spec.Methods.Append("random").Select(m => (Method: m, Seed: s))).ToList();
        var models = plan.Count + (spec.Source is null ? 1 : 0);

        var (state, trainerState) = context.Checkpoint is null
            ? (new CoresetCheckpoint(0, spec.Source?.Sha256, []), null)
            : CoresetCheckpoint.Read(context.OpenCheckpoint());
        if (state.TrajectoriesSha256 is null)
        {
            var sourceSpec = spec.Train with
            {
                Epochs = spec.SourceEpochs ?? spec.Train.Epochs, ValidationFraction = spec.ValidationFraction,
                RecordTrajectories = true, ModelName = name + "-source",
            };
            var data = TrainingDataBuilder.Build(sourceSpec, train, test);
            using var trainer = new Trainer(sourceSpec, data, device);
            if (trainerState is not null) trainer.LoadCheckpoint(trainerState);
            var observer = new JobTrainingObserver<CoresetSpec>(context, sourceSpec,
                epochs => SaveAsync(context, state, trainer, epochs), 0, models, "source_");
            await trainer.RunAsync(observer, context.CancellationToken);
            await TrainingArtifacts.StoreMembershipAsync(context, data, "source/");
            await TrainingArtifacts.StoreModelAsync(context, trainer, "source/model.safetensors",
                ModelCardBuilder.Build(sourceSpec.ModelName!, sourceSpec, trainer, data, context.JobId, trainer.CompletedEpochs));
            var stored = await TrainingArtifacts.StoreTrajectoriesAsync(context, trainer, "source/");
            state = state with { Run = 1, TrajectoriesSha256 = stored!.Sha256 };
            trainerState = null;
            await SaveAsync(context, state, null, 0);
        }

        TrajectorySet set;
        using (Torch.Torch.NewDisposeScope())
        await using (var source = context.OpenArtifact(state.TrajectoriesSha256!))
            set = TrajectorySet.FromTensors(SafeTensors.Load(source, out _));
        var selections = spec.Methods.ToDictionary(m => m, m => CoresetSelector.Select(m, set, spec.Fraction));
        if (state.Results.Count == 0)
            foreach (var (method, indices) in selections)
                await CoresetReport.StoreSelectionAsync(context, method, indices, set);

        var offset = spec.Source is null ? 1 : 0;
        for (var k = Math.Max(0, state.Run - 1); k < plan.Count; k++)
        {
            var (method, seed) = plan[k];
            var indices = method == "random" ? CoresetSelector.Random(set, spec.Fraction, spec.Train.Seed + seed) : selections[method];
            var runSpec = spec.Train with
            {
                Subset = new SubsetSpec { Indices = indices }, Seed = spec.Train.Seed + seed,
                RecordTrajectories = false, ModelName = $"{name}-{method}-{seed}",
            };
            var data = TrainingDataBuilder.Build(runSpec, train, test);
            using var trainer = new Trainer(runSpec, data, device);
            if (trainerState is not null)
            {
                trainer.LoadCheckpoint(trainerState);
                trainerState = null;
            }
            var run = state with { Run = k + 1 };
            var observer = new JobTrainingObserver<CoresetSpec>(context, runSpec,
                epochs => SaveAsync(context, run, trainer, epochs), k + offset, models, $"{method}_s{seed}_");
            await trainer.RunAsync(observer, context.CancellationToken);
            await TrainingArtifacts.StoreMembershipAsync(context, data, $"{method}-{seed}/");
            await TrainingArtifacts.StoreModelAsync(context, trainer, $"{method}-{seed}/model.safetensors",
                ModelCardBuilder.Build(runSpec.ModelName!, runSpec, trainer, data, context.JobId, trainer.CompletedEpochs));
            var accuracy = trainer.History[^1].TestAccuracy;
            context.LogMetric($"{method}_test_accuracy", seed, accuracy);
            state = state with { Run = k + 2, Results = [.. state.Results, new CoresetRunResult(method, seed, indices.Length, accuracy)] };
            await SaveAsync(context, state, null, 0);
        }

        var summaries = spec.Methods.Append("random")
            .Select(m => AccuracySummary.Of(m, state.Results.Where(r => r.Method == m).Select(r => r.TestAccuracy).ToList()))
            .ToList();
        foreach (var s in summaries)
        {
            context.LogMetric($"{s.Method}_test_accuracy_mean", 0, s.Mean);
            context.LogMetric($"{s.Method}_test_accuracy_std", 0, s.Std);
        }
        await CoresetReport.StoreAsync(context, spec, set, state.Results, summaries);
        var random = summaries[^1];
        return new
        {
            fraction = spec.Fraction,
            coresetSize = state.Results[0].Samples,
            pool = set.TrainIndices.Length,
            seeds = spec.Seeds,
            summaries = summaries.Select(s => new { s.Method, s.Mean, s.Std, s.Runs }),
            gainOverRandom = summaries.SkipLast(1).ToDictionary(s => s.Method, s => s.Mean - random.Mean),
        };
    }

    private static Task SaveAsync(JobContext<CoresetSpec> context, CoresetCheckpoint state, Trainer? trainer, int epochs) =>
        context.SaveCheckpointAsync((long)state.Run * 1_000_000 + epochs, state.Write(trainer is null ? null : trainer.SaveCheckpoint));
}
