namespace Platform.Contracts.Jobs;

/// <summary>The job kinds the platform knows, with their spec types.</summary>
public static class JobKinds
{
    /// <summary>A job that counts to a number with checkpoints: exercises the job runtime end to end.</summary>
    public const string SelfTest = "system.selftest";
}
