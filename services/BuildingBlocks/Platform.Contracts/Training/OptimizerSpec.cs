namespace Platform.Contracts.Training;

/// <summary>Optimizer and learning-rate schedule.</summary>
public sealed record OptimizerSpec
{
    /// <summary>sgd, adam, adamw or rmsprop.</summary>
    public string Name { get; init; } = "sgd";

    /// <summary>Learning rate.</summary>
    public double Lr { get; init; } = 0.05;

    /// <summary>SGD momentum.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>Nesterov momentum (SGD).</summary>
    public bool Nesterov { get; init; }

    /// <summary>L2 weight decay.</summary>
    public double WeightDecay { get; init; } = 5e-4;

    /// <summary>constant, step, cosine or onecycle.</summary>
    public string Schedule { get; init; } = "cosine";

    /// <summary>Epochs between decays (step schedule).</summary>
    public int StepEpochs { get; init; } = 30;

    /// <summary>Decay factor (step schedule).</summary>
    public double Gamma { get; init; } = 0.1;

    /// <summary>Epochs of linear warm-up before the schedule.</summary>
    public int WarmupEpochs { get; init; }

    internal IEnumerable<string> Validate()
    {
        if (!TrainingCatalog.Optimizers.Contains(Name))
            yield return $"optimizer.name '{Name}' is unknown; use one of {string.Join(", ", TrainingCatalog.Optimizers)}";
        if (Lr is <= 0 or > 10 || double.IsNaN(Lr))
            yield return $"optimizer.lr must be in (0, 10] (got {Lr})";
        if (Momentum is < 0 or >= 1)
            yield return $"optimizer.momentum must be in [0, 1) (got {Momentum})";
        if (WeightDecay < 0)
            yield return $"optimizer.weightDecay must be ≥ 0 (got {WeightDecay})";
        if (!TrainingCatalog.Schedules.Contains(Schedule))
            yield return $"optimizer.schedule '{Schedule}' is unknown; use one of {string.Join(", ", TrainingCatalog.Schedules)}";
        if (StepEpochs < 1)
            yield return $"optimizer.stepEpochs must be ≥ 1 (got {StepEpochs})";
        if (WarmupEpochs < 0)
            yield return $"optimizer.warmupEpochs must be ≥ 0 (got {WarmupEpochs})";
        if (Nesterov && (Name != "sgd" || Momentum == 0))
            yield return "optimizer.nesterov needs name=sgd and momentum > 0";
    }
}
