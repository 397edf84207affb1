using System.Threading.Channels;

namespace Platform.Lab.Workflows;

/// <summary>
/// Tells the workflow engine which jobs changed. Notifications of the same job coalesce while it waits, so a burst
/// of events (or a duplicated one) costs one advance. Only watched jobs (live workflows and their children) count
/// when the event sink reports a change, so ordinary jobs cost nothing here.
/// </summary>
public sealed class WorkflowSignals
{
    private readonly object gate = new();
    private readonly HashSet<Guid> pending = [];
    private readonly HashSet<Guid> watched = [];
    private readonly Channel<Guid> queue = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Asks the engine to look at a job (a workflow or any job that might be a workflow's child).</summary>
    public void Notify(Guid jobId)
    {
        lock (gate)
        {
            if (pending.Add(jobId))
                queue.Writer.TryWrite(jobId);
        }
    }

    /// <summary>A change recorded by the event sink: passed on only for watched jobs.</summary>
    public void NotifyChanged(Guid jobId)
    {
        bool isWatched;
        lock (gate) isWatched = watched.Contains(jobId);
        if (isWatched)
            Notify(jobId);
    }

    /// <summary>Starts passing on the sink's changes of a job.</summary>
    public void Watch(Guid jobId)
    {
        lock (gate) watched.Add(jobId);
    }

    /// <summary>Stops passing on the sink's changes of a job.</summary>
    public void Unwatch(Guid jobId)
    {
        lock (gate) watched.Remove(jobId);
    }

    /// <summary>The next job to look at; waits until there is one.</summary>
    internal async ValueTask<Guid> ReadAsync(CancellationToken ct)
    {
        var id = await queue.Reader.ReadAsync(ct);
        lock (gate) pending.Remove(id);
        return id;
    }
}
