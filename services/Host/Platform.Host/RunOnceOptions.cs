namespace Platform.Host;

/// <summary>
/// Batch mode (<c>Platform:Run</c>): submit one job when the host has started, print its progress, and stop
/// the host when it ends, with exit code 0 only if it succeeded. Used by <c>./platform run</c>.
/// </summary>
internal sealed class RunOnceOptions
{
    public string? Kind { get; set; }

    public string? Spec { get; set; }
}
