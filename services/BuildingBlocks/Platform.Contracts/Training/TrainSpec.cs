using Platform.Contracts.Jobs;

namespace Platform.Contracts.Training;

/// <summary>Spec of <see cref="TrainingJobKinds.Train"/>: train one model and record what research needs.</summary>
public sealed record TrainSpec : IJobSpec
{
    /// <summary>fashion-mnist, mnist, cifar10 or cifar100 (see <see cref="TrainingCatalog.Datasets"/>).</summary>
    public string Dataset { get; init; } = "fashion-mnist";

    /// <summary>Model of the zoo.</summary>
    public string Model { get; init; } = "smallcnn";

    /// <summary>batch or group (DP-SGD needs group).</summary>
    public string Norm { get; init; } = "batch";

    /// <summary>Epochs.</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Batch size.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Optimizer and schedule.</summary>
    public OptimizerSpec Optimizer { get; init; } = new();

    /// <summary>Random crop with this padding (0 = off).</summary>
    public int RandomCropPadding { get; init; }

    /// <summary>Random horizontal flips.</summary>
    public bool HorizontalFlip { get; init; }

    /// <summary>Seed of initialisation, shuffling and augmentation: the same seed on the same device gives the same run.</summary>
    public int Seed { get; init; }

    /// <summary>auto (CUDA when present), cpu or cuda:N.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>CPU threads for libtorch (0 = all cores).</summary>
    public int Threads { get; init; }

    /// <summary>Training subset (null = the whole training set).</summary>
    public SubsetSpec? Subset { get; init; }

    /// <summary>Injected label noise (null = none).</summary>
    public LabelNoiseSpec? LabelNoise { get; init; }

    /// <summary>DP-SGD (null = ordinary training).</summary>
    public PrivacySpec? Privacy { get; init; }

    /// <summary>Save a checkpoint (and register a model version) every this many epochs; the last epoch always.</summary>
    public int CheckpointEvery { get; init; } = 1;

    /// <summary>Record every training sample's loss and correctness every epoch (LTC, CSL, memorization).</summary>
    public bool RecordTrajectories { get; init; } = true;

    /// <summary>Hold out this class-stratified fraction of the training set as validation (LTC needs it; 0 = none).</summary>
    public double ValidationFraction { get; init; }

    /// <summary>Evaluate on the first this many test samples (null = the whole test split).</summary>
    public int? TestSamples { get; init; }

    /// <summary>Name under which checkpoints are registered as models (default: the job id).</summary>
    public string? ModelName { get; init; }

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (!TrainingCatalog.Models.Contains(Model))
            yield return $"model '{Model}' is unknown; use one of {string.Join(", ", TrainingCatalog.Models)}";
        if (!TrainingCatalog.Norms.Contains(Norm))
            yield return $"norm must be batch or group (got '{Norm}')";
        if (!TrainingCatalog.Datasets.Contains(Dataset))
            yield return $"dataset '{Dataset}' is unknown; use one of {string.Join(", ", TrainingCatalog.Datasets)}";
        if (Epochs is < 1 or > 10_000)
            yield return $"epochs must be between 1 and 10000 (got {Epochs})";
        if (BatchSize is < 1 or > 65_536)
            yield return $"batchSize must be between 1 and 65536 (got {BatchSize})";
        if (RandomCropPadding is < 0 or > 16)
            yield return $"randomCropPadding must be between 0 and 16 (got {RandomCropPadding})";
        if (Threads < 0)
            yield return $"threads must be ≥ 0 (got {Threads})";
        if (Device != "auto" && Device != "cpu" && !System.Text.RegularExpressions.Regex.IsMatch(Device, "^cuda(:[0-9]+)?$"))
            yield return $"device must be auto, cpu or cuda:N (got '{Device}')";
        if (TestSamples is < 1)
            yield return $"testSamples must be ≥ 1 when set (got {TestSamples})";
        if (CheckpointEvery < 1)
            yield return $"checkpointEvery must be ≥ 1 (got {CheckpointEvery})";
        if (ValidationFraction is < 0 or >= 1)
            yield return $"validationFraction must be in [0, 1) (got {ValidationFraction})";
        if (Privacy is not null && Norm != "group")
            yield return "privacy (DP-SGD) needs norm=group: BatchNorm mixes samples, so per-sample gradients are undefined";
        foreach (var p in Optimizer.Validate()) yield return p;
        foreach (var p in Subset?.Validate() ?? []) yield return p;
        foreach (var p in LabelNoise?.Validate() ?? []) yield return p;
        foreach (var p in Privacy?.Validate() ?? []) yield return p;
    }
}
