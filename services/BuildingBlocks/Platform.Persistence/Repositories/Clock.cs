namespace Platform.Persistence.Repositories;

internal static class Clock
{
    // Millisecond precision is what the database keeps; trimming here keeps values round-trippable.
    public static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
}
