namespace Platform.Torch.Optim.Schedules;

/// <summary>
/// One-cycle policy (OneCycleLR, two phases, cosine annealing): from maxLr/divFactor up to
/// maxLr over pctStart of the steps, then down to initial/finalDivFactor. Momentum cycling is not applied.
/// </summary>
public sealed class OneCycleLr : LrScheduler
{
    private readonly double _initial;
    private readonly double _min;
    private readonly double _peakStep;

    /// <summary>Creates the schedule over <paramref name="totalSteps"/> optimizer steps.</summary>
    public OneCycleLr(Optimizer optimizer, double maxLr, long totalSteps, double pctStart = 0.3, double divFactor = 25, double finalDivFactor = 1e4)
        : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalSteps, 2);
        MaxLr = maxLr;
        TotalSteps = totalSteps;
        _initial = maxLr / divFactor;
        _min = _initial / finalDivFactor;
        _peakStep = pctStart * totalSteps - 1;
        Start();
    }

    /// <summary>Peak rate.</summary>
    public double MaxLr { get; }
    /// <summary>Number of steps in the cycle.</summary>
    public long TotalSteps { get; }

    /// <inheritdoc />
    public override double LearningRateAt(long epoch)
    {
        if (epoch > TotalSteps)
        {
            throw new InvalidOperationException($"OneCycleLr stepped {epoch} times but was created for {TotalSteps} steps");
        }
        return epoch <= _peakStep
            ? Cosine(_initial, MaxLr, epoch / _peakStep)
            : Cosine(MaxLr, _min, (epoch - _peakStep) / (TotalSteps - 1 - _peakStep));
    }

    private static double Cosine(double start, double end, double pct) => end + (start - end) / 2 * (Math.Cos(Math.PI * pct) + 1);
}
