using System.Buffers.Binary;
using System.Text.Json;
using Platform.Contracts.Jobs;
using Platform.Curvature.Methods.Scoring;
using Platform.Curvature.V1;
using Platform.Messaging.Jobs;
using Platform.Persistence.Artifacts;
using Platform.Rpc;
using Platform.Torch;

namespace Platform.Curvature.Api;

/// <summary>
/// Loads the model a <see cref="ModelSelector"/> names: a registered name (through Lab's registry) or the sha256 of
/// weights in the artifact store, whose model card is read from the safetensors metadata.
/// </summary>
public sealed class ScoringModelLoader(IModelResolver resolver, LocalArtifactStore store)
{
    /// <summary>The resolved reference and the model on <paramref name="device"/>.</summary>
    internal async Task<(ModelReference Reference, LoadedModel Model)> LoadAsync(ModelSelector? selector, Device device, CancellationToken ct)
    {
        var reference = await ResolveAsync(selector, ct);
        byte[] weights;
        try
        {
            await using var stream = store.Open(reference.Sha256!);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            weights = buffer.ToArray();
        }
        catch (FileNotFoundException)
        {
            throw new RpcException(StatusCode.NotFound, $"no weights with sha256 {reference.Sha256} are in the artifact store");
        }
        reference.Card ??= CardOf(weights)
            ?? throw CurvatureRpcErrors.InvalidArgument("model.sha256", $"content {reference.Sha256} is not model weights with a model card (store models with a train job)");
        try
        {
            return (reference, LoadedModel.Load(reference.Card, new MemoryStream(weights, writable: false), device));
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or JsonException)
        {
            throw CurvatureRpcErrors.InvalidArgument("model", $"the model could not be rebuilt from its card and weights: {e.Message}");
        }
    }

    private async Task<ModelReference> ResolveAsync(ModelSelector? selector, CancellationToken ct)
    {
        switch (selector?.SelectorCase)
        {
            case ModelSelector.SelectorOneofCase.Named:
                if (string.IsNullOrWhiteSpace(selector.Named.Name))
                    throw CurvatureRpcErrors.InvalidArgument("model.named.name", "name is empty; name a registered model");
                if (selector.Named.Version < 0)
                    throw CurvatureRpcErrors.InvalidArgument("model.named.version", $"version must be ≥ 1, or 0 for the latest (got {selector.Named.Version})");
                var reference = new ModelReference { Name = selector.Named.Name, Version = selector.Named.Version == 0 ? null : selector.Named.Version };
                try
                {
                    await resolver.ResolveAsync(reference, ct);
                }
                catch (KeyNotFoundException e)
                {
                    throw new RpcException(StatusCode.NotFound, e.Message);
                }
                return reference;
            case ModelSelector.SelectorOneofCase.Sha256:
                var sha = selector.Sha256.Trim().ToLowerInvariant();
                if (sha.Length != 64 || !sha.All(Uri.IsHexDigit))
                    throw CurvatureRpcErrors.InvalidArgument("model.sha256", $"'{selector.Sha256}' is not a sha256 (64 hex digits)");
                return new ModelReference { Name = "sha256:" + sha[..12], Sha256 = sha };
            default:
                throw CurvatureRpcErrors.InvalidArgument("model", "model is required: set model.named.name (and version) or model.sha256");
        }
    }

    /// <summary>The <c>card</c> entry of a safetensors file's <c>__metadata__</c>, or null.</summary>
    private static string? CardOf(byte[] file)
    {
        if (file.Length < 8)
            return null;
        var length = BinaryPrimitives.ReadUInt64LittleEndian(file);
        if (length > (ulong)(file.Length - 8))
            return null;
        try
        {
            using var header = JsonDocument.Parse(file.AsMemory(8, (int)length));
            return header.RootElement.TryGetProperty("__metadata__", out var meta) && meta.TryGetProperty("card", out var card)
                ? card.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
