namespace Platform.Messaging.Bus;

/// <summary>Registered with an event sink: tells the bus set-up to create Lab's event endpoint.</summary>
internal sealed class JobEventSinkMarker;
