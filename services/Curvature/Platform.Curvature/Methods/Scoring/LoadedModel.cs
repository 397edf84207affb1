using System.Text.Json;
using Platform.Torch;
using Platform.Torch.Nn;
using Platform.Torch.Serialization;
using Platform.Vision.Models;
using Platform.Vision.Transforms;

namespace Platform.Curvature.Methods.Scoring;

/// <summary>
/// A model rebuilt from its weights and model card: the zoo architecture with the card's options, the weights
/// loaded strictly, eval mode, and the input normalization it was trained with.
/// </summary>
public sealed class LoadedModel : IDisposable
{
    private LoadedModel(Module module, Normalize normalize, string dataset, ModelOptions options)
    {
        Module = module;
        Normalize = normalize;
        Dataset = dataset;
        Options = options;
    }

    /// <summary>Input channels, image size and classes, as the card gives them.</summary>
    public ModelOptions Options { get; }

    /// <summary>The network, in eval mode.</summary>
    public Module Module { get; }

    /// <summary>The normalization of its inputs.</summary>
    public Normalize Normalize { get; }

    /// <summary>The dataset it was trained on.</summary>
    public string Dataset { get; }

    /// <summary>Builds the model described by <paramref name="cardJson"/> and loads <paramref name="weights"/> (safetensors).</summary>
    public static LoadedModel Load(string cardJson, Stream weights, Device device)
    {
        using var card = JsonDocument.Parse(cardJson);
        var root = card.RootElement;
        string Text(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String
            ? p.GetString()!
            : throw new InvalidDataException($"the model card has no '{name}'; was the model stored by a train job?");
        long Number(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number
            ? p.GetInt64()
            : throw new InvalidDataException($"the model card has no numeric '{name}'");
        var options = new ModelOptions(Number("inChannels"), Number("numClasses"), Number("imageSize"),
            Text("norm") == "group" ? NormKind.GroupNorm : NormKind.BatchNorm);
        var normalize = root.GetProperty("normalize");
        var mean = normalize.GetProperty("mean").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        var std = normalize.GetProperty("std").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        var module = ModelZoo.Create(Text("architecture"), options);
        try
        {
            using (Torch.Torch.NewDisposeScope())
                module.LoadStateDict(SafeTensors.Load(weights, out _, Device.Cpu));
            module.To(device);
            module.Eval();
            return new LoadedModel(module, new Normalize(mean, std), Text("dataset"), options);
        }
        catch
        {
            module.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => Module.Dispose();
}
