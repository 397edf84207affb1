namespace Platform.Messaging.Jobs;

/// <summary>A submitted job was refused: unknown kind or invalid spec. <see cref="Problems"/> says what to fix.</summary>
public sealed class JobSpecException(string kind, IReadOnlyList<string> problems)
    : Exception($"job kind '{kind}': " + string.Join("; ", problems))
{
    /// <summary>The kind submitted.</summary>
    public string Kind { get; } = kind;

    /// <summary>Each problem, phrased so a person can act on it.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
