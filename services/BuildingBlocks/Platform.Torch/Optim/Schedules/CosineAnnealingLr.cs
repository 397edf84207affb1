namespace Platform.Torch.Optim.Schedules;

/// <summary>Half-cosine from the base rate to <c>etaMin</c> over <c>tMax</c> steps (CosineAnnealingLR, closed form).</summary>
public sealed class CosineAnnealingLr : LrScheduler
{
    /// <summary>Creates the schedule.</summary>
    public CosineAnnealingLr(Optimizer optimizer, long tMax, double etaMin = 0) : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tMax, 1);
        TMax = tMax;
        EtaMin = etaMin;
        Start();
    }

    /// <summary>Steps of the half period.</summary>
    public long TMax { get; }
    /// <summary>Final rate.</summary>
    public double EtaMin { get; }

    /// <inheritdoc />
    public override double LearningRateAt(long epoch) =>
        EtaMin + (BaseLearningRate - EtaMin) * (1 + Math.Cos(Math.PI * epoch / TMax)) / 2;
}
