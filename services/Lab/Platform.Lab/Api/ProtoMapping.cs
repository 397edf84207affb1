using Google.Protobuf.WellKnownTypes;
using Platform.Persistence.Records;
using ProtoArtifact = Platform.Common.V1.Artifact;
using ProtoJobState = Platform.Lab.V1.JobState;

namespace Platform.Lab.Api;

/// <summary>Conversions between Lab's rows and the messages of <c>platform.lab.v1</c>.</summary>
internal static class ProtoMapping
{
    public static V1.Job ToProto(this JobRecord job) => new()
    {
        Id = job.Id.ToString(),
        Kind = job.Kind,
        Name = job.Name,
        ProjectId = job.ProjectId?.ToString() ?? "",
        ExperimentId = job.ExperimentId?.ToString() ?? "",
        SpecJson = job.Spec,
        State = job.State.ToProto(),
        ProgressValue = job.ProgressValue,
        ProgressLimit = job.ProgressLimit,
        ProgressMessage = job.ProgressMessage ?? "",
        Attempt = job.Attempt,
        Worker = job.Worker ?? "",
        Device = job.Device ?? "",
        CancelRequested = job.CancelRequested,
        Error = job.Error ?? "",
        ResultJson = job.Result ?? "",
        CreateTime = Timestamp.FromDateTimeOffset(job.CreatedAt),
        StartTime = job.StartedAt is { } s ? Timestamp.FromDateTimeOffset(s) : null,
        FinishTime = job.FinishedAt is { } f ? Timestamp.FromDateTimeOffset(f) : null,
        UpdateTime = Timestamp.FromDateTimeOffset(job.UpdatedAt),
    };

    public static V1.JobSnapshot ToSnapshot(this JobRecord job) => new()
    {
        JobId = job.Id.ToString(),
        State = job.State.ToProto(),
        ProgressValue = job.ProgressValue,
        ProgressLimit = job.ProgressLimit,
        ProgressMessage = job.ProgressMessage ?? "",
        Attempt = job.Attempt,
    };

    public static ProtoJobState ToProto(this JobState state) => state switch
    {
        JobState.Queued => ProtoJobState.Queued,
        JobState.Running => ProtoJobState.Running,
        JobState.Stalled => ProtoJobState.Stalled,
        JobState.Succeeded => ProtoJobState.Succeeded,
        JobState.Failed => ProtoJobState.Failed,
        JobState.Canceled => ProtoJobState.Canceled,
        _ => ProtoJobState.Unspecified,
    };

    /// <summary>The row state of a proto state; null for UNSPECIFIED or an unknown number.</summary>
    public static JobState? FromProto(this ProtoJobState state) => state switch
    {
        ProtoJobState.Queued => JobState.Queued,
        ProtoJobState.Running => JobState.Running,
        ProtoJobState.Stalled => JobState.Stalled,
        ProtoJobState.Succeeded => JobState.Succeeded,
        ProtoJobState.Failed => JobState.Failed,
        ProtoJobState.Canceled => JobState.Canceled,
        _ => null,
    };

    public static ProtoArtifact ToProto(this ArtifactRecord artifact) => new()
    {
        Id = artifact.Id.ToString(),
        JobId = artifact.JobId?.ToString() ?? "",
        Name = artifact.Name,
        Kind = artifact.Kind,
        MediaType = artifact.MediaType,
        Size = artifact.Size,
        Sha256 = artifact.Sha256,
        CreateTime = Timestamp.FromDateTimeOffset(artifact.CreatedAt),
    };

    public static V1.Metric ToProto(this MetricRecord metric) => new()
    {
        JobId = metric.JobId.ToString(),
        Key = metric.Key,
        Step = metric.Step,
        Value = metric.Value,
        Time = Timestamp.FromDateTimeOffset(metric.Time),
    };

    public static V1.MetricSummary ToProto(this MetricSummary summary) => new()
    {
        JobId = summary.JobId.ToString(),
        Key = summary.Key,
        LastStep = summary.LastStep,
        Last = summary.Last,
        Min = summary.Min,
        Max = summary.Max,
        Count = summary.Count,
    };

    public static V1.Project ToProto(this ProjectRecord project) => new()
    {
        Id = project.Id.ToString(),
        Name = project.Name,
        Description = project.Description,
        CreateTime = Timestamp.FromDateTimeOffset(project.CreatedAt),
    };

    public static V1.Experiment ToProto(this ExperimentRecord experiment) => new()
    {
        Id = experiment.Id.ToString(),
        ProjectId = experiment.ProjectId.ToString(),
        Name = experiment.Name,
        Description = experiment.Description,
        CreateTime = Timestamp.FromDateTimeOffset(experiment.CreatedAt),
    };

    public static V1.Worker ToProto(this WorkerRecord worker)
    {
        var proto = new V1.Worker
        {
            Id = worker.Id,
            Host = worker.Host,
            ProcessId = worker.ProcessId,
            Device = worker.Device,
            CurrentJobId = worker.CurrentJobId?.ToString() ?? "",
            DeviceMemoryUsed = worker.DeviceMemoryUsed ?? 0,
            FirstSeenTime = Timestamp.FromDateTimeOffset(worker.FirstSeenAt),
            LastSeenTime = Timestamp.FromDateTimeOffset(worker.LastSeenAt),
        };
        proto.Kinds.AddRange(worker.Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries));
        return proto;
    }
}
