using Platform.Persistence.Records;

namespace Platform.Lab.Notifications;

/// <summary>A job row changed (state, progress, metrics or artifacts); subscribers re-read what they show.</summary>
public sealed record JobChanged(Guid JobId, JobState State, string What);
