using System.Threading.Channels;

namespace Platform.Lab.Notifications;

/// <summary>
/// In-process fan-out of <see cref="JobChanged"/> to live views (dashboard circuits, WatchJob streams), fed by
/// Lab's event sink after each change is stored: views re-render on events instead of polling. A slow
/// subscriber loses old notifications, never the latest.
/// </summary>
public sealed class JobNotifier
{
    private readonly object gate = new();
    private ImmutableSubscribers subscribers = new([]);

    /// <summary>Subscribes; dispose the subscription to stop.</summary>
    public Subscription Subscribe(Guid? jobId = null)
    {
        var subscription = new Subscription(this, jobId);
        lock (gate) subscribers = new ImmutableSubscribers([.. subscribers.Items, subscription]);
        return subscription;
    }

    /// <summary>Tells every interested subscriber.</summary>
    public void Notify(JobChanged change)
    {
        foreach (var s in subscribers.Items)
            if (s.JobId is null || s.JobId == change.JobId)
                s.Channel.Writer.TryWrite(change);
    }

    private void Remove(Subscription subscription)
    {
        lock (gate) subscribers = new ImmutableSubscribers(subscribers.Items.Where(s => s != subscription).ToArray());
    }

    private sealed record ImmutableSubscribers(Subscription[] Items);

    /// <summary>A live subscription.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly JobNotifier owner;

        internal Subscription(JobNotifier owner, Guid? jobId)
        {
            this.owner = owner;
            JobId = jobId;
        }

        /// <summary>Only this job, or all when null.</summary>
        public Guid? JobId { get; }

        internal Channel<JobChanged> Channel { get; } = System.Threading.Channels.Channel.CreateBounded<JobChanged>(
            new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        /// <summary>The changes, as they happen.</summary>
        public ChannelReader<JobChanged> Reader => Channel.Reader;

        /// <inheritdoc />
        public void Dispose()
        {
            owner.Remove(this);
            Channel.Writer.TryComplete();
        }
    }
}
