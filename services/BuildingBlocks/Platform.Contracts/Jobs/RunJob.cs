namespace Platform.Contracts.Jobs;

/// <summary>
/// Command sent by Lab to the queue of a job kind (<c>jobs-{kind}</c>): run this job.
/// A redelivered command (worker died) is the same message; the worker resumes from the
/// job's last checkpoint when <see cref="Resume"/> is set.
/// </summary>
/// <param name="JobId">The job row's id.</param>
/// <param name="Kind">The job kind, e.g. <c>train</c>.</param>
/// <param name="Spec">The validated spec as JSON.</param>
/// <param name="DispatchId">New for every send by Lab (submit, retry); a broker redelivery keeps it.</param>
/// <param name="Resume">Continue from the last checkpoint if one exists (false: start over).</param>
/// <param name="SubmittedAt">When Lab sent this command.</param>
public sealed record RunJob(Guid JobId, string Kind, string Spec, Guid DispatchId, bool Resume, DateTimeOffset SubmittedAt);
