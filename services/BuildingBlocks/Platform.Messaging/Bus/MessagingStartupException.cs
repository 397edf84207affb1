namespace Platform.Messaging.Bus;

/// <summary>The bus could not start; the message says what to check.</summary>
public sealed class MessagingStartupException(string message, Exception? inner = null) : Exception(message, inner);
