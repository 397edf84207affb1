namespace Platform.Messaging.Worker;

/// <summary>What a finished dispatch of a job ended with, kept so a duplicated delivery is answered, not rerun.</summary>
internal sealed record JobOutcome(Guid DispatchId, Guid RunId, string State, string? Result, string? Error, DateTimeOffset Time);
