namespace Platform.Torch.Optim.Schedules;

/// <summary>Multiplies the rate by <c>gamma</c> every <c>stepSize</c> steps (StepLR).</summary>
public sealed class StepLr : LrScheduler
{
    /// <summary>Creates the schedule.</summary>
    public StepLr(Optimizer optimizer, long stepSize, double gamma = 0.1) : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSize, 1);
        StepSize = stepSize;
        Gamma = gamma;
        Start();
    }

    /// <summary>Steps between decays.</summary>
    public long StepSize { get; }
    /// <summary>Decay factor.</summary>
    public double Gamma { get; }

    /// <inheritdoc />
    public override double LearningRateAt(long epoch) => BaseLearningRate * Math.Pow(Gamma, epoch / StepSize);
}
