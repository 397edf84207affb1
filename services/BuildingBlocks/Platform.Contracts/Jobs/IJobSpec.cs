namespace Platform.Contracts.Jobs;

/// <summary>
/// The typed spec of a job kind. Lab deserializes a submitted spec into it (unknown fields are
/// refused) and calls <see cref="Validate"/> before anything is written or sent.
/// </summary>
public interface IJobSpec
{
    /// <summary>
    /// Problems with the spec, each phrased so that a person knows what to change
    /// (<c>epochs must be at least 1 (got 0)</c>). Empty when the spec is valid.
    /// </summary>
    IEnumerable<string> Validate();
}
