namespace Platform.Contracts.Jobs;

/// <summary>
/// A spec that reads a finished training run: Lab checks the run at submission and pins its checkpoints
/// (as resolved <see cref="ModelReference"/>s) and the content hashes of its membership and trajectory artifacts.
/// </summary>
public interface IReferencesTrainingRun : IReferencesModels
{
    /// <summary>The training job.</summary>
    Guid TrainingJobId { get; }

    /// <summary>Use every this many registered checkpoints (by epoch), ending with the last.</summary>
    int Every { get; }

    /// <summary>The run's checkpoints, filled in by Lab in epoch order.</summary>
    List<ModelReference> Checkpoints { get; }

    /// <summary>sha256 of the run's <c>membership.json</c> (filled in by Lab).</summary>
    string? MembershipSha256 { get; set; }

    /// <summary>sha256 of the run's <c>trajectories.safetensors</c>, null when it recorded none (filled in by Lab).</summary>
    string? TrajectoriesSha256 { get; set; }
}
