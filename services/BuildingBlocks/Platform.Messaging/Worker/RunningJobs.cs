using System.Collections.Concurrent;

namespace Platform.Messaging.Worker;

/// <summary>
/// The jobs this worker runs now: their cancellation sources, for cancel requests and heartbeats, and the
/// gate that limits how many run at once on the device. Cancellations that arrive before their job starts
/// are remembered for a while so the job stops as soon as it does.
/// </summary>
public sealed class RunningJobs(WorkerOptions options)
{
    private static readonly TimeSpan RememberCancel = TimeSpan.FromMinutes(30);
    private readonly ConcurrentDictionary<Guid, Running> running = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> canceledEarly = new();
    private readonly SemaphoreSlim slots = new(Math.Max(1, options.MaxConcurrentJobs));

    /// <summary>The job and run in progress (the first when several run).</summary>
    public (Guid JobId, Guid RunId)? Current =>
        running.Values.OrderBy(r => r.Started).Select(r => ((Guid, Guid)?)(r.JobId, r.RunId)).FirstOrDefault();

    /// <summary>Waits for a free device slot.</summary>
    public Task AcquireSlotAsync(CancellationToken ct) => slots.WaitAsync(ct);

    /// <summary>Frees a device slot.</summary>
    public void ReleaseSlot() => slots.Release();

    /// <summary>Registers a run; its token fires on cancel or when <paramref name="outer"/> fires.</summary>
    public Running Start(Guid jobId, Guid runId, CancellationToken outer)
    {
        var run = new Running(jobId, runId, CancellationTokenSource.CreateLinkedTokenSource(outer), DateTimeOffset.UtcNow);
        running[jobId] = run;
        if (canceledEarly.TryRemove(jobId, out _))
            run.Cancel();
        return run;
    }

    /// <summary>Unregisters a run.</summary>
    public void Finish(Running run)
    {
        running.TryRemove(new KeyValuePair<Guid, Running>(run.JobId, run));
        run.Source.Dispose();
    }

    /// <summary>True once the worker has begun shutting down: no new job starts.</summary>
    public bool Stopping { get; private set; }

    /// <summary>The worker is shutting down: stop every job so it can go back to its queue.</summary>
    public void StopAll()
    {
        Stopping = true;
        foreach (var run in running.Values)
            run.Stop();
    }

    /// <summary>
    /// Cancels the job if it runs here, or remembers the request in case it starts soon. A request for one
    /// <paramref name="runId"/> stops only that run and is not remembered.
    /// </summary>
    public void Cancel(Guid jobId, Guid? runId = null)
    {
        if (running.TryGetValue(jobId, out var run))
        {
            if (runId is null || run.RunId == runId)
                run.Cancel();
            return;
        }
        if (runId is not null)
            return;
        var now = DateTimeOffset.UtcNow;
        foreach (var (id, at) in canceledEarly)
            if (now - at > RememberCancel) canceledEarly.TryRemove(id, out _);
        canceledEarly[jobId] = now;
    }

    /// <summary>One running job.</summary>
    public sealed class Running(Guid jobId, Guid runId, CancellationTokenSource source, DateTimeOffset started)
    {
        private int canceledByUser;
        private int workerStopping;

        /// <summary>The job.</summary>
        public Guid JobId { get; } = jobId;

        /// <summary>Its run.</summary>
        public Guid RunId { get; } = runId;

        /// <summary>Its cancellation source.</summary>
        public CancellationTokenSource Source { get; } = source;

        /// <summary>When it started here.</summary>
        public DateTimeOffset Started { get; } = started;

        /// <summary>True when a user canceled it (as opposed to the worker shutting down).</summary>
        public bool CanceledByUser => Volatile.Read(ref canceledByUser) == 1;

        /// <summary>True when the worker is shutting down (the job is handed back, not ended).</summary>
        public bool WorkerStopping => Volatile.Read(ref workerStopping) == 1;

        internal void Cancel()
        {
            Interlocked.Exchange(ref canceledByUser, 1);
            SignalCancel();
        }

        internal void Stop()
        {
            Interlocked.Exchange(ref workerStopping, 1);
            SignalCancel();
        }

        private void SignalCancel()
        {
            try
            {
                Source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Finished meanwhile: nothing left to cancel.
            }
        }
    }
}
