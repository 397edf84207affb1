using System.Text.Json;
using Platform.Persistence;
using Platform.Persistence.Artifacts;

namespace Platform.Messaging.Worker;

/// <summary>
/// Per-job state a worker keeps beside the artifact store, under <c>{DataRoot}/jobs/{id}/</c>:
/// the pointer to the last checkpoint and the outcome of the last finished dispatch. Pointers are
/// replaced atomically (write, flush, rename), so a worker killed mid-write leaves the previous one.
/// </summary>
public sealed class CheckpointStore(StorageOptions storage, LocalArtifactStore artifacts)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The artifact store checkpoints live in.</summary>
    public LocalArtifactStore Artifacts => artifacts;

    /// <summary>The last checkpoint of a job, or null.</summary>
    public JobCheckpoint? GetLatest(Guid jobId) => Read<JobCheckpoint>(PointerPath(jobId, "checkpoint.json"));

    /// <summary>Stores the content and moves the job's pointer to it.</summary>
    public async Task<JobCheckpoint> SaveAsync(Guid jobId, long step, Stream content, CancellationToken ct)
    {
        var stored = await artifacts.PutAsync(content, ct);
        var checkpoint = new JobCheckpoint(step, stored.Sha256, stored.Size, stored.StoragePath, DateTimeOffset.UtcNow);
        Write(PointerPath(jobId, "checkpoint.json"), checkpoint);
        return checkpoint;
    }

    /// <summary>Forgets the job's checkpoint (a retry that starts over).</summary>
    public void Clear(Guid jobId)
    {
        File.Delete(PointerPath(jobId, "checkpoint.json"));
        File.Delete(PointerPath(jobId, "outcome.json"));
    }

    internal JobOutcome? GetOutcome(Guid jobId) => Read<JobOutcome>(PointerPath(jobId, "outcome.json"));

    internal void SaveOutcome(Guid jobId, JobOutcome outcome) => Write(PointerPath(jobId, "outcome.json"), outcome);

    private string PointerPath(Guid jobId, string name) =>
        Path.Combine(Path.GetFullPath(storage.DataRoot), "jobs", jobId.ToString("D"), name);

    private static T? Read<T>(string path) where T : class =>
        File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), Json) : null;

    private static void Write<T>(string path, T value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            JsonSerializer.Serialize(file, value, Json);
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }
}
