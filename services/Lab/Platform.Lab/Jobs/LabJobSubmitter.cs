using Platform.Messaging.Jobs;

namespace Platform.Lab.Jobs;

/// <summary><see cref="IJobSubmitter"/> over Lab's <see cref="JobService"/>, for typed submit APIs of the services in this process.</summary>
public sealed class LabJobSubmitter(JobService jobs) : IJobSubmitter
{
    /// <inheritdoc />
    public async Task<Guid> SubmitAsync(string kind, string specJson, string? name, Guid? projectId, Guid? experimentId, CancellationToken ct = default) =>
        (await jobs.SubmitAsync(kind, specJson, name, projectId, experimentId, ct)).Id;
}
