using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Jobs;
using Platform.Messaging.Jobs;
using Platform.Messaging.Worker;

namespace Platform.Messaging.Bus;

/// <summary>
/// The receive endpoints of a process, decided from what it registered: a durable queue per job kind it
/// works on (prefetch 1: competing consumers take one job at a time), a temporary per-instance queue for
/// cancellations, and Lab's event queue (one batch at a time, so events apply in arrival order).
/// </summary>
internal static class BusEndpoints
{
    /// <summary>Most events Lab stores in one transaction.</summary>
    public const int EventBatchSize = 200;

    public static void Configure(IBusRegistrationContext context, IBusFactoryConfigurator cfg, MessagingOptions options)
    {
        if (context.GetService<WorkerKinds>() is { All.Count: > 0 } kinds)
        {
            foreach (var kind in kinds.All)
            {
                cfg.ReceiveEndpoint(JobQueues.ForKind(kind, options.QueuePrefix), e =>
                {
                    e.PrefetchCount = 1;
                    e.ConcurrentMessageLimit = 1;
                    e.ConfigureConsumeTopology = false;
                    e.ConfigureConsumer<RunJobConsumer>(context);
                });
            }
            var identity = context.GetRequiredService<WorkerIdentity>();
            cfg.ReceiveEndpoint(new TemporaryEndpointDefinition(options.QueuePrefix + "worker-" + Sanitize(identity.Id)), e =>
                e.ConfigureConsumer<CancelJobConsumer>(context));
        }
        // Only the marker: resolving the sink here would resolve the bus it publishes on, which is being built.
        if (context.GetService<JobEventSinkMarker>() is not null)
        {
            cfg.ReceiveEndpoint(JobQueues.LabEvents(options.QueuePrefix), e =>
            {
                // Batches fill only if the endpoint may hold a batch's worth of messages at once; the batch
                // consumer's own concurrency of 1 keeps the events in order.
                e.PrefetchCount = Math.Max(2 * EventBatchSize, options.RabbitMq.EventPrefetch);
                e.ConcurrentMessageLimit = 2 * EventBatchSize;
                e.UseMessageRetry(r => r.Intervals(100, 500, 1000, 2000, 5000));
                e.ConfigureConsumer<JobEventBatchConsumer>(context);
                e.ConfigureConsumer<WorkerHeartbeatConsumer>(context);
            });
        }
    }

    private static string Sanitize(string id) =>
        new(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
}
