namespace Platform.Messaging.Bus;

/// <summary>Configuration section <c>Messaging</c>.</summary>
public sealed class MessagingOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Messaging";

    /// <summary><c>InMemory</c> (default) or <c>RabbitMQ</c>.</summary>
    public MessagingTransport Transport { get; set; } = MessagingTransport.InMemory;

    /// <summary>Prepended to every queue name; lets several platforms or test runs share one broker.</summary>
    public string QueuePrefix { get; set; } = "";

    /// <summary>RabbitMQ settings.</summary>
    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>How long start-up waits for the broker before failing (seconds).</summary>
    public double StartTimeoutSeconds { get; set; } = 10;
}
