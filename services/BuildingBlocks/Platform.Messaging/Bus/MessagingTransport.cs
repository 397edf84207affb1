namespace Platform.Messaging.Bus;

/// <summary>Which transport the bus uses.</summary>
public enum MessagingTransport
{
    /// <summary>Inside one process: the embedded default. Nothing survives a restart; Lab re-sends live jobs.</summary>
    InMemory,

    /// <summary>A RabbitMQ broker: durable queues, competing worker processes, redelivery of a dead worker's job.</summary>
    RabbitMQ,
}
