namespace Platform.Torch.Optim.Schedules;

/// <summary>
/// Linear change of the rate's factor from <c>startFactor</c> to <c>endFactor</c> over
/// <c>totalIters</c> steps, then constant (LinearLR) — the usual linear warm-up.
/// </summary>
public sealed class LinearLr : LrScheduler
{
    /// <summary>Creates the schedule.</summary>
    public LinearLr(Optimizer optimizer, double startFactor = 1.0 / 3, double endFactor = 1.0, long totalIters = 5) : base(optimizer)
    {
        if (startFactor is <= 0 or > 1 || endFactor is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(startFactor), "factors must be in (0, 1] (start) and [0, 1] (end)");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(totalIters, 1);
        StartFactor = startFactor;
        EndFactor = endFactor;
        TotalIters = totalIters;
        Start();
    }

    /// <summary>Factor at step 0.</summary>
    public double StartFactor { get; }
    /// <summary>Factor from <see cref="TotalIters"/> on.</summary>
    public double EndFactor { get; }
    /// <summary>Length of the ramp.</summary>
    public long TotalIters { get; }

    /// <inheritdoc />
    public override double LearningRateAt(long epoch) =>
        BaseLearningRate * (StartFactor + (EndFactor - StartFactor) * Math.Min(epoch, TotalIters) / TotalIters);
}
