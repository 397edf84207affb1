using Platform.Contracts.Jobs;

namespace Platform.Messaging.Jobs;

/// <summary>
/// Pins a model reference to registered weights (content hash and model card). Lab implements it over its
/// registry; APIs of other services use it in-process to accept model names.
/// </summary>
public interface IModelResolver
{
    /// <summary>Fills in <paramref name="reference"/>; throws <see cref="KeyNotFoundException"/> for an unknown name or version.</summary>
    Task ResolveAsync(ModelReference reference, CancellationToken ct = default);
}
