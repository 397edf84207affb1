namespace Platform.Persistence;

/// <summary>A database problem with a message that says what to do about it.</summary>
public sealed class PersistenceException(string message, Exception? inner = null) : Exception(message, inner);
