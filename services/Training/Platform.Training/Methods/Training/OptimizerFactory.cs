using Platform.Contracts.Training;
using Platform.Torch;
using Platform.Torch.Optim;
using Platform.Torch.Optim.Schedules;

namespace Platform.Training.Methods.Training;

/// <summary>Builds the optimizer and the per-epoch learning-rate schedule a spec asks for.</summary>
public static class OptimizerFactory
{
    /// <summary>The optimizer over <paramref name="parameters"/>.</summary>
    public static Optimizer Create(OptimizerSpec spec, IEnumerable<Tensor> parameters) => spec.Name switch
    {
        "sgd" => new Sgd(parameters, spec.Lr, spec.Momentum, weightDecay: spec.WeightDecay, nesterov: spec.Nesterov),
        "adam" => new Adam(parameters, spec.Lr, weightDecay: spec.WeightDecay),
        "adamw" => new AdamW(parameters, spec.Lr, weightDecay: spec.WeightDecay),
        "rmsprop" => new RmsProp(parameters, spec.Lr, weightDecay: spec.WeightDecay, momentum: spec.Momentum),
        _ => throw new ArgumentException($"unknown optimizer '{spec.Name}'"),
    };

    /// <summary>The learning rate of <paramref name="epoch"/> (0-based) for a run of <paramref name="epochs"/>.</summary>
    public static double LearningRate(OptimizerSpec spec, int epoch, int epochs)
    {
        if (epoch < spec.WarmupEpochs)
            return spec.Lr * (epoch + 1) / (spec.WarmupEpochs + 1);
        var t = epoch - spec.WarmupEpochs;
        var span = Math.Max(1, epochs - spec.WarmupEpochs);
        return spec.Schedule switch
        {
            "constant" => spec.Lr,
            "step" => spec.Lr * Math.Pow(spec.Gamma, t / spec.StepEpochs),
            "cosine" => spec.Lr * 0.5 * (1 + Math.Cos(Math.PI * t / span)),
            "onecycle" => t < span * 0.3
                ? spec.Lr / 25 + (spec.Lr - spec.Lr / 25) * t / (span * 0.3)
                : spec.Lr * 0.5 * (1 + Math.Cos(Math.PI * (t - span * 0.3) / (span * 0.7))),
            _ => throw new ArgumentException($"unknown schedule '{spec.Schedule}'"),
        };
    }
}
