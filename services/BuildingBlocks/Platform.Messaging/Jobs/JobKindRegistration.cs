namespace Platform.Messaging.Jobs;

/// <summary>A job kind and the type its spec deserializes into.</summary>
public sealed record JobKindRegistration(string Kind, Type SpecType);
