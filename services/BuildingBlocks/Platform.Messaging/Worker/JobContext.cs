using Microsoft.Extensions.Logging;
using Platform.Contracts.Jobs;

namespace Platform.Messaging.Worker;

/// <summary>Everything a job handler gets: its spec, identity, progress, metrics, artifacts, checkpoints and cancellation.</summary>
public sealed class JobContext<TSpec> where TSpec : class, IJobSpec
{
    private readonly JobEventStream events;
    private readonly CheckpointStore checkpoints;

    internal JobContext(
        TSpec spec, RunJob command, JobEventStream events, CheckpointStore checkpoints, JobCheckpoint? checkpoint,
        string workerId, string device, ILogger logger, CancellationToken cancellationToken)
    {
        Spec = spec;
        Command = command;
        this.events = events;
        this.checkpoints = checkpoints;
        Checkpoint = checkpoint;
        WorkerId = workerId;
        Device = device;
        Logger = logger;
        CancellationToken = cancellationToken;
    }

    /// <summary>The validated spec.</summary>
    public TSpec Spec { get; }

    /// <summary>The command as sent by Lab.</summary>
    public RunJob Command { get; }

    /// <summary>The job.</summary>
    public Guid JobId => Command.JobId;

    /// <summary>This run of the job.</summary>
    public Guid RunId => events.RunId;

    /// <summary>The checkpoint to resume from, or null when the job starts fresh.</summary>
    public JobCheckpoint? Checkpoint { get; }

    /// <summary>This worker's id.</summary>
    public string WorkerId { get; }

    /// <summary>The device to run on (<c>cpu</c>, <c>cuda:0</c>).</summary>
    public string Device { get; }

    /// <summary>Logger of the job.</summary>
    public ILogger Logger { get; }

    /// <summary>Fires when the job is canceled or the worker shuts down.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Reports progress; cheap to call often (throttled).</summary>
    public void ReportProgress(double value, double limit, string? message = null) => events.Progress(value, limit, message);

    /// <summary>Logs a metric value at a step; batched.</summary>
    public void LogMetric(string key, long step, double value) => events.Metric(key, step, value);

    /// <summary>Opens content of the artifact store by its sha256 (e.g. the weights of a resolved model reference).</summary>
    public Stream OpenArtifact(string sha256) => checkpoints.Artifacts.Open(sha256);

    /// <summary>Reads the checkpoint's content.</summary>
    public Stream OpenCheckpoint() =>
        Checkpoint is null
            ? throw new InvalidOperationException("this run has no checkpoint to resume from; check Checkpoint first")
            : checkpoints.Artifacts.Open(Checkpoint.Sha256);

    /// <summary>
    /// Saves a checkpoint at <paramref name="step"/>: a redelivery of this job resumes from it. Pending metrics
    /// and progress are published first so the history Lab holds matches the checkpoint.
    /// </summary>
    public async Task<JobCheckpoint> SaveCheckpointAsync(long step, Stream content)
    {
        var checkpoint = await checkpoints.SaveAsync(JobId, step, content, CancellationToken);
        await events.PublishAsync((seq, time) => new ArtifactStored(
            JobId, RunId, seq, time, "checkpoint", "checkpoint", "application/octet-stream",
            checkpoint.Size, checkpoint.Sha256, checkpoint.StoragePath), CancellationToken);
        return checkpoint;
    }

    /// <summary>
    /// Stores an artifact under a name unique within the job (storing the name again replaces it). A <c>model</c>
    /// artifact with a model card as <paramref name="metadata"/> is registered by Lab as a model version.
    /// </summary>
    public async Task<ArtifactStored> StoreArtifactAsync(string name, string kind, string mediaType, Stream content, string? metadata = null)
    {
        var stored = await checkpoints.Artifacts.PutAsync(content, CancellationToken);
        ArtifactStored? evt = null;
        await events.PublishAsync((seq, time) => evt = new ArtifactStored(
            JobId, RunId, seq, time, name, kind, mediaType, stored.Size, stored.Sha256, stored.StoragePath, metadata), CancellationToken);
        return evt!;
    }

    /// <summary>Stores bytes as an artifact (see <see cref="StoreArtifactAsync(string, string, string, Stream, string?)"/>).</summary>
    public Task<ArtifactStored> StoreArtifactAsync(string name, string kind, string mediaType, byte[] content, string? metadata = null) =>
        StoreArtifactAsync(name, kind, mediaType, new MemoryStream(content, writable: false), metadata);
}
