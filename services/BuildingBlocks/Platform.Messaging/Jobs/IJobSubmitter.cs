namespace Platform.Messaging.Jobs;

/// <summary>
/// Submits a job through Lab (validation, resolution, the job row, the command). Lab implements it; typed
/// submit APIs of other services call it in-process.
/// </summary>
public interface IJobSubmitter
{
    /// <summary>
    /// The new job's id. Throws <see cref="JobSpecException"/> for an invalid spec and <see cref="KeyNotFoundException"/>
    /// for an unknown project or experiment.
    /// </summary>
    Task<Guid> SubmitAsync(string kind, string specJson, string? name, Guid? projectId, Guid? experimentId, CancellationToken ct = default);
}
