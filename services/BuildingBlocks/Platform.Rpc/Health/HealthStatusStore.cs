using System.Threading.Channels;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Platform.Rpc.Health;

/// <summary>
/// The serving status of each service, as reported by <c>grpc.health.v1.Health</c>. The server as a whole
/// (<c>""</c>) starts SERVING; mapped services are set SERVING when mapped. Services set their own status.
/// </summary>
public sealed class HealthStatusStore
{
    private readonly Dictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal) { [""] = ServingStatus.Serving };
    private readonly Dictionary<string, List<Channel<ServingStatus>>> _watchers = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Sets the status of a service (<c>""</c>: the whole server) and notifies its watchers.</summary>
    public void SetStatus(string service, ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_lock)
        {
            _statuses[service] = status;
            Notify(service, status);
        }
    }

    /// <summary>Forgets a service: Check answers NOT_FOUND for it and watchers see SERVICE_UNKNOWN.</summary>
    public void Remove(string service)
    {
        lock (_lock)
        {
            if (_statuses.Remove(service))
            {
                Notify(service, ServingStatus.ServiceUnknown);
            }
        }
    }

    /// <summary>The status of a service; false when the service is unknown.</summary>
    public bool TryGetStatus(string service, out ServingStatus status)
    {
        lock (_lock)
        {
            return _statuses.TryGetValue(service, out status);
        }
    }

    /// <summary>The current status (SERVICE_UNKNOWN when unknown), then each change, until <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<ServingStatus> WatchAsync(string service, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Only the latest status matters to a watcher that falls behind.
        var channel = Channel.CreateBounded<ServingStatus>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        ServingStatus current;
        lock (_lock)
        {
            current = _statuses.TryGetValue(service, out var known) ? known : ServingStatus.ServiceUnknown;
            if (!_watchers.TryGetValue(service, out var list))
            {
                _watchers[service] = list = [];
            }

            list.Add(channel);
        }

        try
        {
            yield return current;
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var next))
                {
                    if (next != current)
                    {
                        current = next;
                        yield return next;
                    }
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                _watchers[service].Remove(channel);
            }
        }
    }

    private void Notify(string service, ServingStatus status)
    {
        if (_watchers.TryGetValue(service, out var list))
        {
            foreach (var channel in list)
            {
                channel.Writer.TryWrite(status);
            }
        }
    }
}
