using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Dashboard.Lab;
using Platform.Lab.V1;
using Platform.Rpc;

namespace Platform.Dashboard.Live;

/// <summary>
/// One <c>WatchJobs</c> stream from Lab for the whole process, fanned out to the open pages (eShop's notifier
/// pattern): pages re-render on recorded job events, never by polling. Reconnects when Lab goes away.
/// </summary>
public sealed class JobFeed(LabClient lab, ILogger<JobFeed> logger) : BackgroundService
{
    private readonly object gate = new();
    private Action<JobUpdate>[] handlers = [];

    /// <summary>True while the stream to Lab is open.</summary>
    public bool Connected { get; private set; }

    /// <summary>Calls <paramref name="handler"/> for every update until the returned handle is disposed. Keep it quick.</summary>
    public IDisposable Subscribe(Action<JobUpdate> handler)
    {
        lock (gate) handlers = [.. handlers, handler];
        return new Unsubscriber(this, handler);
    }

    /// <summary>Hands an update to every subscriber; one failing subscriber does not stop the others.</summary>
    public void Publish(JobUpdate update)
    {
        foreach (var handler in handlers)
        {
            try
            {
                handler(update);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A dashboard view failed to take the update of job {JobId}", update.Job.Id);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var stream = lab.Jobs.WatchJobs(new WatchJobsRequest(), new CallContext().WithCancellation(stoppingToken));
                Connected = true;
                delay = TimeSpan.FromMilliseconds(250);
                await foreach (var message in stream.WithCancellation(stoppingToken))
                    Publish(new JobUpdate(message.Job, message.Changes.ToArray(), DateTimeOffset.UtcNow));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever ended the stream (Lab restarting, a connection reset, a keep-alive ping timing out under load),
                // the feed must outlive it: a dead feed would freeze every open page without a word.
                logger.LogWarning("Live job updates from Lab stopped ({Error}: {Message}); reconnecting in {Delay}",
                    e.GetType().Name, e.Message, delay);
            }
            finally
            {
                Connected = false;
            }
            await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
        }
    }

    private sealed class Unsubscriber(JobFeed feed, Action<JobUpdate> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (feed.gate) feed.handlers = feed.handlers.Where(h => h != handler).ToArray();
        }
    }
}
