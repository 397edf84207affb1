namespace Platform.Messaging.Jobs;

/// <summary>A job kind this process runs, with the handler that runs it.</summary>
public sealed record JobHandlerRegistration(string Kind, Type SpecType, Type HandlerType);
