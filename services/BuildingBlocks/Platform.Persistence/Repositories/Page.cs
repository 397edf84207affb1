namespace Platform.Persistence.Repositories;

/// <summary>One page of rows and the total count of rows matching the filter.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total);
