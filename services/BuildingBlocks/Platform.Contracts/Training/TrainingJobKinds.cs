namespace Platform.Contracts.Training;

/// <summary>Job kinds of the Training service.</summary>
public static class TrainingJobKinds
{
    /// <summary>Train one model (<see cref="TrainSpec"/>).</summary>
    public const string Train = "train";

    /// <summary>Train N shadow models on balanced random halves (<see cref="ShadowSetSpec"/>).</summary>
    public const string ShadowSet = "train.shadows";

    /// <summary>Select a coreset from loss trajectories and compare it with random subsets (<see cref="CoresetSpec"/>).</summary>
    public const string Coreset = "train.coreset";
}
