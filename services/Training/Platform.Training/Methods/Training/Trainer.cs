using System.Diagnostics;
using System.Globalization;
using Platform.Contracts.Training;
using Platform.Torch;
using Platform.Torch.Nn;
using Platform.Torch.Optim;
using Platform.Torch.Serialization;
using Platform.Training.Methods.Privacy;
using Platform.Vision.Data;
using Platform.Vision.Datasets;
using Platform.Vision.Models;
using Platform.Vision.Transforms;

namespace Platform.Training.Methods.Training;

/// <summary>
/// Trains one model as a <see cref="TrainSpec"/> says, epoch by epoch: ordinary or DP-SGD steps, test metrics,
/// per-sample loss trajectories of the training (and validation) samples, and checkpoints that restore the
/// run exactly where an epoch ended. Knows nothing of jobs, buses or databases.
/// </summary>
public sealed class Trainer : IDisposable
{
    private readonly TrainSpec spec;
    private readonly PreparedData data;
    private readonly Device device;
    private readonly Normalize normalize;
    private readonly ITensorTransform trainTransform;
    private readonly DpSgd? dp;
    private readonly double samplingRate;

    /// <summary>Builds the model (seeded), optimizer and, for DP runs, the DP-SGD engine and noise level.</summary>
    public Trainer(TrainSpec spec, PreparedData data, Device device)
    {
        this.spec = spec;
        this.data = data;
        this.device = device;
        var (mean, std) = BuiltinDatasets.Statistics(spec.Dataset);
        normalize = new Normalize(mean, std);
        var augment = new List<ITensorTransform>();
        if (spec.RandomCropPadding > 0) augment.Add(new RandomCrop(data.Train.Height, spec.RandomCropPadding));
        if (spec.HorizontalFlip) augment.Add(new RandomHorizontalFlip());
        augment.Add(normalize);
        trainTransform = new Compose([.. augment]);
        Torch.Torch.ManualSeed((ulong)spec.Seed);
        Model = ModelZoo.Create(spec.Model, Options);
        Model.To(device);
        Optimizer = OptimizerFactory.Create(spec.Optimizer, Model.Parameters());
        Train = new LossTrajectories(data.DatasetIndices, data.Train.Labels);
        Validation = data.Validation is null ? null : new LossTrajectories(data.ValidationIndices, data.Validation.Labels);
        samplingRate = Math.Min(1.0, spec.BatchSize / (double)data.Train.Count);
        if (spec.Privacy is { } privacy)
        {
            NoiseMultiplier = privacy.NoiseMultiplier
                ?? NoiseCalibrator.NoiseFor(privacy.TargetEpsilon!.Value, samplingRate, (long)StepsPerEpoch * spec.Epochs, privacy.Delta);
            dp = new DpSgd(Model, new DpSgdOptions(privacy.MaxGradNorm, NoiseMultiplier.Value, (ulong)spec.Seed));
        }
    }

    /// <summary>What the zoo was asked to build.</summary>
    public ModelOptions Options => new(data.Train.Channels, data.Train.NumClasses, data.Train.Height,
        spec.Norm == "group" ? NormKind.GroupNorm : NormKind.BatchNorm);

    /// <summary>The model being trained.</summary>
    public Module Model { get; }

    /// <summary>Its optimizer.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>Training-sample trajectories so far.</summary>
    public LossTrajectories Train { get; }

    /// <summary>Validation-sample trajectories so far (when a validation fraction is held out).</summary>
    public LossTrajectories? Validation { get; }

    /// <summary>σ of a DP run (given or calibrated to the target ε).</summary>
    public double? NoiseMultiplier { get; }

    /// <summary>Epochs finished.</summary>
    public int CompletedEpochs { get; private set; }

    /// <summary>Metrics of the finished epochs.</summary>
    public List<EpochMetrics> History { get; } = [];

    /// <summary>Optimizer steps per epoch.</summary>
    public int StepsPerEpoch => dp is not null && spec.Privacy!.Sampling == "poisson"
        ? new PoissonSampler(data.Train.Count, samplingRate, spec.Seed).StepsPerEpoch
        : (data.Train.Count + spec.BatchSize - 1) / spec.BatchSize;

    /// <summary>Runs the remaining epochs.</summary>
    public async Task RunAsync(ITrainingObserver observer, CancellationToken ct)
    {
        while (CompletedEpochs < spec.Epochs)
        {
            var metrics = RunEpoch(CompletedEpochs, observer, ct);
            History.Add(metrics);
            CompletedEpochs++;
            await observer.EpochEndedAsync(metrics);
            if (CompletedEpochs % spec.CheckpointEvery == 0 || CompletedEpochs == spec.Epochs)
                await observer.CheckpointAsync(CompletedEpochs);
        }
    }

    private EpochMetrics RunEpoch(int epoch, ITrainingObserver observer, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var lr = OptimizerFactory.LearningRate(spec.Optimizer, epoch, spec.Epochs);
        Optimizer.LearningRate = lr;
        Model.Train();
        var (loss, correct, seen) = dp is null ? OrdinaryEpoch(epoch, observer, ct) : PrivateEpoch(epoch, observer, ct);
        var seconds = clock.Elapsed.TotalSeconds;
        var (testLoss, testAccuracy) = Evaluate(data.Test, null);
        if (spec.RecordTrajectories)
            Train.Add(PerSample(data.Train, out var ok), ok);
        if (Validation is not null)
            Validation.Add(PerSample(data.Validation!, out var vok), vok);
        double? epsilon = dp is null
            ? null
            : RdpAccountant.Epsilon(samplingRate, NoiseMultiplier!.Value, (long)StepsPerEpoch * (epoch + 1), spec.Privacy!.Delta).Epsilon;
        return new EpochMetrics(epoch + 1, loss / Math.Max(1, seen), correct / (double)Math.Max(1, seen), testLoss, testAccuracy,
            lr, seconds, seen / seconds, epsilon);
    }

    private (double Loss, long Correct, long Seen) OrdinaryEpoch(int epoch, ITrainingObserver observer, CancellationToken ct)
    {
        var loader = new DataLoader(data.Train, new DataLoaderOptions
        {
            BatchSize = spec.BatchSize, Shuffle = true, Seed = (ulong)spec.Seed, Transform = trainTransform, Device = device,
        });
        double total = 0;
        long correct = 0, seen = 0;
        var b = 0;
        foreach (var batch in loader.Epoch(epoch))
        {
            using (batch)
            using (Torch.Torch.NewDisposeScope())
            {
                ct.ThrowIfCancellationRequested();
                Optimizer.ZeroGrad();
                var logits = Model.Forward(batch.Images);
                var lossValue = Functional.CrossEntropy(logits, batch.Labels);
                lossValue.Backward();
                Optimizer.Step();
                total += lossValue.Item<float>() * batch.Count;
                correct += logits.ArgMax(1).Eq(batch.Labels).Sum().Item<long>();
                seen += batch.Count;
            }
            observer.BatchDone(epoch, ++b, loader.BatchCount);
        }
        return (total, correct, seen);
    }

    private (double Loss, long Correct, long Seen) PrivateEpoch(int epoch, ITrainingObserver observer, CancellationToken ct)
    {
        var privacy = spec.Privacy!;
        var expected = samplingRate * data.Train.Count;
        var random = new SeededRandom((ulong)spec.Seed, 1_000_000UL + (ulong)epoch);
        IEnumerable<int[]> batches = privacy.Sampling == "poisson"
            ? Enumerable.Range(0, StepsPerEpoch).Select(s => new PoissonSampler(data.Train.Count, samplingRate, spec.Seed).Batch((long)epoch * StepsPerEpoch + s))
            : new DataLoader(data.Train, new DataLoaderOptions { BatchSize = spec.BatchSize, Shuffle = true, Seed = (ulong)spec.Seed })
                .Order(epoch).Chunk(spec.BatchSize);
        double total = 0;
        long correct = 0, seen = 0;
        var step = 0;
        foreach (var positions in batches)
        {
            using (Torch.Torch.NewDisposeScope())
            {
                ct.ThrowIfCancellationRequested();
                var globalStep = (long)epoch * StepsPerEpoch + step;
                Optimizer.ZeroGrad();
                if (positions.Length == 0)
                {
                    dp!.NoiseOnlyStep(expected, globalStep);
                }
                else
                {
                    var images = trainTransform.Apply(data.Train.GetImages(positions), random).To(device);
                    var labels = Tensor.From(positions.Select(p => (long)data.Train.Labels[p]).ToArray()).To(device);
                    var losses = dp!.Step(Model, images, labels, privacy.Sampling == "poisson" ? expected : positions.Length, globalStep);
                    total += losses.Sum().Item<float>();
                    using (Torch.Torch.NoGrad())
                        correct += Model.Forward(images).ArgMax(1).Eq(labels).Sum().Item<long>();
                    seen += positions.Length;
                }
                Optimizer.Step();
            }
            observer.BatchDone(epoch, ++step, StepsPerEpoch);
        }
        return (total, correct, seen);
    }

    /// <summary>Mean loss and accuracy on a dataset (eval mode, no gradients).</summary>
    public (double Loss, double Accuracy) Evaluate(IImageDataset dataset, IReadOnlyList<int>? indices)
    {
        var losses = PerSample(dataset, out var ok, indices);
        return (losses.Average(v => (double)v), ok.Average(v => (double)v));
    }

    /// <summary>Per-sample cross-entropy and correctness in dataset order (eval mode, no gradients).</summary>
    public float[] PerSample(IImageDataset dataset, out byte[] correct, IReadOnlyList<int>? indices = null)
    {
        var wasTraining = Model.Training;
        Model.Eval();
        var loader = new DataLoader(dataset, new DataLoaderOptions { BatchSize = 1024, Indices = indices, Transform = normalize, Device = device });
        var losses = new List<float>(loader.SampleCount);
        var ok = new List<byte>(loader.SampleCount);
        try
        {
            foreach (var batch in loader.Epoch())
            {
                using (batch)
                using (Torch.Torch.NewDisposeScope())
                using (Torch.Torch.NoGrad())
                {
                    var logits = Model.Forward(batch.Images);
                    losses.AddRange(Functional.CrossEntropy(logits, batch.Labels, Reduction.None).To(Device.Cpu).ToArray<float>());
                    ok.AddRange(logits.ArgMax(1).Eq(batch.Labels).To(ScalarType.UInt8).To(Device.Cpu).ToArray<byte>());
                }
            }
        }
        finally
        {
            Model.Train(wasTraining);
        }
        correct = ok.ToArray();
        return losses.ToArray();
    }

    /// <summary>Writes model, optimizer, trajectories and progress as one safetensors file.</summary>
    public void SaveCheckpoint(Stream stream)
    {
        using var scope = Torch.Torch.NewDisposeScope();
        var tensors = new Dictionary<string, Tensor>();
        foreach (var (k, v) in Model.StateDict()) tensors["model." + k] = v.To(Device.Cpu);
        foreach (var (k, v) in Optimizer.StateDict()) tensors["optim." + k] = v.To(Device.Cpu);
        foreach (var (k, v) in Train.ToTensors("train.")) tensors[k] = v;
        if (Validation is not null)
            foreach (var (k, v) in Validation.ToTensors("val.")) tensors[k] = v;
        var metadata = new Dictionary<string, string>
        {
            ["completed_epochs"] = CompletedEpochs.ToString(CultureInfo.InvariantCulture),
            ["history"] = System.Text.Json.JsonSerializer.Serialize(History),
        };
        SafeTensors.Save(stream, tensors, metadata);
    }

    /// <summary>Restores what <see cref="SaveCheckpoint"/> wrote; the next <see cref="RunAsync"/> continues after its epoch.</summary>
    public void LoadCheckpoint(Stream stream)
    {
        using var scope = Torch.Torch.NewDisposeScope();
        var tensors = SafeTensors.Load(stream, out var metadata, device);
        Model.LoadStateDict(Strip(tensors, "model."));
        Optimizer.LoadStateDict(Strip(tensors, "optim."));
        Train.Load(tensors, "train.");
        Validation?.Load(tensors, "val.");
        CompletedEpochs = int.Parse(metadata["completed_epochs"], CultureInfo.InvariantCulture);
        History.Clear();
        History.AddRange(System.Text.Json.JsonSerializer.Deserialize<List<EpochMetrics>>(metadata["history"])!);
    }

    private static Dictionary<string, Tensor> Strip(Dictionary<string, Tensor> tensors, string prefix) =>
        tensors.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value);

    /// <inheritdoc />
    public void Dispose()
    {
        dp?.Dispose();
        Optimizer.Dispose();
        Model.Dispose();
    }
}
