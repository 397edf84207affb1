using MassTransit;
using Platform.Contracts.Jobs;

namespace Platform.Messaging.Worker;

/// <summary>
/// The events of one run, published in order with increasing sequence numbers. Progress is throttled
/// (the latest value wins, at most one event per interval) and metric points are batched; both are
/// flushed before any checkpoint, artifact or final event so Lab sees a consistent history.
/// </summary>
internal sealed class JobEventStream : IAsyncDisposable
{
    private readonly IPublishEndpoint publisher;
    private readonly TimeSpan interval;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly object pendingLock = new();
    private readonly List<MetricPoint> pendingMetrics = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task pump;
    private (double Value, double Limit, string? Message)? pendingProgress;
    private long sequence;

    public JobEventStream(IPublishEndpoint publisher, Guid jobId, Guid runId, TimeSpan interval)
    {
        this.publisher = publisher;
        this.interval = interval;
        JobId = jobId;
        RunId = runId;
        pump = Task.Run(PumpAsync);
    }

    public Guid JobId { get; }

    public Guid RunId { get; }

    public void Progress(double value, double limit, string? message)
    {
        lock (pendingLock) pendingProgress = (value, limit, message);
    }

    public void Metric(string key, long step, double value)
    {
        lock (pendingLock) pendingMetrics.Add(new MetricPoint(key, step, value, DateTimeOffset.UtcNow));
    }

    /// <summary>Publishes an event built with the next sequence number, after flushing what is pending.</summary>
    public async Task PublishAsync(Func<long, DateTimeOffset, IJobEvent> build, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await FlushLockedAsync(ct);
            var evt = build(++sequence, DateTimeOffset.UtcNow);
            await publisher.Publish(evt, evt.GetType(), ct);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await FlushLockedAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task FlushLockedAsync(CancellationToken ct)
    {
        (double Value, double Limit, string? Message)? progress;
        MetricPoint[] metrics;
        lock (pendingLock)
        {
            progress = pendingProgress;
            pendingProgress = null;
            metrics = pendingMetrics.ToArray();
            pendingMetrics.Clear();
        }
        if (metrics.Length > 0)
            await publisher.Publish(new MetricsLogged(JobId, RunId, ++sequence, DateTimeOffset.UtcNow, metrics), ct);
        if (progress is { } p)
            await publisher.Publish(new JobProgressed(JobId, RunId, ++sequence, DateTimeOffset.UtcNow, p.Value, p.Limit, p.Message), ct);
    }

    private async Task PumpAsync()
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
                await FlushAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await pump;
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
        gate.Dispose();
    }
}
