namespace Platform.Persistence.Records;

/// <summary>Groups of <see cref="JobState"/> the job logic asks about.</summary>
public static class JobStates
{
    /// <summary>True for states a job never leaves (until a retry).</summary>
    public static bool IsTerminal(this JobState state) =>
        state is JobState.Succeeded or JobState.Failed or JobState.Canceled;
}
