namespace Platform.Contracts.Jobs;

/// <summary>
/// Spec of <see cref="JobKinds.SelfTest"/>: count <see cref="Steps"/> steps of <see cref="StepMilliseconds"/>
/// each, checkpoint every <see cref="CheckpointEvery"/> steps, log a metric per step, store an artifact at
/// the end, and optionally fail at a step. It proves a deployment's queue, worker, database and artifact
/// store work together.
/// </summary>
public sealed record SelfTestSpec : IJobSpec
{
    /// <summary>Number of steps (1 to 1,000,000).</summary>
    public int Steps { get; init; } = 10;

    /// <summary>Time each step takes, in milliseconds (0 to 60,000).</summary>
    public int StepMilliseconds { get; init; } = 100;

    /// <summary>Save a checkpoint every this many steps (0 = never).</summary>
    public int CheckpointEvery { get; init; } = 1;

    /// <summary>Throw at this step (for testing failure handling); null = never.</summary>
    public int? FailAtStep { get; init; }

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (Steps is < 1 or > 1_000_000)
            yield return $"steps must be between 1 and 1000000 (got {Steps})";
        if (StepMilliseconds is < 0 or > 60_000)
            yield return $"stepMilliseconds must be between 0 and 60000 (got {StepMilliseconds})";
        if (CheckpointEvery < 0)
            yield return $"checkpointEvery must be 0 (never) or positive (got {CheckpointEvery})";
        if (FailAtStep is { } f && (f < 1 || f > Steps))
            yield return $"failAtStep must be between 1 and steps={Steps} when set (got {f})";
    }
}
