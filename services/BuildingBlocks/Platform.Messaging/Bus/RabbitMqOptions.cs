namespace Platform.Messaging.Bus;

/// <summary>Configuration section <c>Messaging:RabbitMq</c>.</summary>
public sealed class RabbitMqOptions
{
    /// <summary>Broker address with credentials, e.g. <c>amqp://guest:guest@127.0.0.1:5672/</c>.</summary>
    public string Uri { get; set; } = "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>Messages Lab's event queue may hold unacknowledged (at least twice the event batch size).</summary>
    public int EventPrefetch { get; set; } = 400;
}
