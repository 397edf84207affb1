using System.Runtime.InteropServices;
using Platform.Curvature.Methods.Scoring;
using Platform.Curvature.V1;
using Platform.Torch;
using Platform.Vision.Datasets;

namespace Platform.Curvature.Api;

/// <summary>
/// The samples of a <see cref="ScoreSamplesRequest"/>, checked against the model: raw images in [0, 1] as
/// [N, C, H, W], their labels, and the index each row is keyed (and its directions drawn) by.
/// </summary>
internal sealed record ScoreSamplesInput(int[] Indices, int[] Labels, float[] Pixels, long[] Shape)
{
    public const int MaxSamples = 1024;

    // Shapes of the built-in datasets, so a mismatch is refused before any file is read.
    private static readonly Dictionary<string, (int Channels, int Size, int Classes)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fashion-mnist"] = (1, 28, 10), ["fmnist"] = (1, 28, 10), ["mnist"] = (1, 28, 10),
        ["cifar10"] = (3, 32, 10), ["cifar-10"] = (3, 32, 10), ["cifar100"] = (3, 32, 100), ["cifar-100"] = (3, 32, 100),
    };

    public Tensor Images() => Tensor.From(Pixels, Shape);

    public static ScoreSamplesInput Read(ScoreSamplesRequest request, LoadedModel model, string modelName)
    {
        var (channels, size, classes) = ((int)model.Options.InChannels, (int)model.Options.ImageSize, (int)model.Options.NumClasses);
        var expects = $"model '{modelName}' expects {channels}×{size}×{size} images and {classes} classes";
        return request.SamplesCase switch
        {
            ScoreSamplesRequest.SamplesOneofCase.Dataset => FromDataset(request.Dataset, model.Dataset, channels, size, classes, expects),
            ScoreSamplesRequest.SamplesOneofCase.Images => FromInline(request.Images, channels, size, classes, expects),
            _ => throw CurvatureRpcErrors.InvalidArgument("samples", "give the samples: dataset (split and indices) or images (inline tensor)"),
        };
    }

    private static ScoreSamplesInput FromDataset(DatasetSamples samples, string modelDataset, int channels, int size, int classes, string expects)
    {
        var name = string.IsNullOrWhiteSpace(samples.Dataset) ? modelDataset : samples.Dataset.Trim();
        var split = string.IsNullOrEmpty(samples.Split) ? "train" : samples.Split;
        var problems = new List<(string, string)>();
        if (!Known.TryGetValue(name, out var shape))
            problems.Add(("dataset.dataset", $"dataset '{name}' is unknown; use one of {string.Join(", ", BuiltinDatasets.Names)}"));
        else if (shape != (channels, size, classes))
            problems.Add(("dataset.dataset", $"dataset '{name}' has {shape.Channels}×{shape.Size}×{shape.Size} images and {shape.Classes} classes but {expects}; score it with a model trained on {name}"));
        if (split is not ("train" or "test"))
            problems.Add(("dataset.split", $"split must be train or test (got '{split}')"));
        if (samples.Indices.Count == 0)
            problems.Add(("dataset.indices", "indices is empty; give at least one dataset index"));
        if (samples.Indices.Count > MaxSamples)
            problems.Add(("dataset.indices", $"at most {MaxSamples} samples per call (got {samples.Indices.Count}); submit a score job for more"));
        CurvatureRpcErrors.ThrowIfAny(problems);
        var dataset = BuiltinDatasets.Load(name, split == "test" ? DatasetSplit.Test : DatasetSplit.Train);
        var outside = samples.Indices.Where(i => i < 0 || i >= dataset.Count).Take(5).ToList();
        if (outside.Count > 0)
            throw CurvatureRpcErrors.InvalidArgument("dataset.indices",
                $"indices {string.Join(", ", outside)} are outside {name}/{split} (0..{dataset.Count - 1})");
        var indices = samples.Indices.ToArray();
        using var scope = Torch.Torch.NewDisposeScope();
        var pixels = dataset.GetImages(indices).ToArray<float>();
        return new ScoreSamplesInput(indices, indices.Select(i => dataset.Labels[i]).ToArray(), pixels, [indices.Length, channels, size, size]);
    }

    private static ScoreSamplesInput FromInline(InlineImages images, int channels, int size, int classes, string expects)
    {
        var shape = images.Shape.ToArray();
        if (shape.Length != 4)
            throw CurvatureRpcErrors.InvalidArgument("images.shape", $"shape must be [N, C, H, W] (got [{string.Join(", ", shape)}])");
        var n = shape[0];
        var problems = new List<(string, string)>();
        if (n is < 1 or > MaxSamples)
            problems.Add(("images.shape", $"N must be between 1 and {MaxSamples} (got {n})"));
        if (shape[1] != channels || shape[2] != size || shape[3] != size)
            problems.Add(("images.shape", $"images are {shape[1]}×{shape[2]}×{shape[3]} but {expects}"));
        CurvatureRpcErrors.ThrowIfAny(problems);
        var expected = n * channels * size * size * sizeof(float);
        if (images.Data.Length != expected)
            problems.Add(("images.data", $"data has {images.Data.Length} bytes but shape [{string.Join(", ", shape)}] needs {expected} (float32, little-endian)"));
        if (images.Labels.Count != n)
            problems.Add(("images.labels", $"give one label per image: {n} expected, {images.Labels.Count} given"));
        var badLabels = images.Labels.Where(l => l < 0 || l >= classes).Distinct().Take(5).ToList();
        if (badLabels.Count > 0)
            problems.Add(("images.labels", $"labels {string.Join(", ", badLabels)} are outside the model's {classes} classes (0..{classes - 1})"));
        CurvatureRpcErrors.ThrowIfAny(problems);
        var pixels = MemoryMarshal.Cast<byte, float>(images.Data.Span).ToArray();
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("inline images need a little-endian server");
        var perImage = channels * size * size;
        var notFinite = Enumerable.Range(0, (int)n).Where(i => HasNonFinite(pixels.AsSpan(i * perImage, perImage))).Take(5).ToList();
        if (notFinite.Count > 0)
            throw CurvatureRpcErrors.InvalidArgument("images.data", $"images {string.Join(", ", notFinite)} contain NaN or infinite pixels; send finite values in [0, 1]");
        return new ScoreSamplesInput(Enumerable.Range(0, (int)n).ToArray(), images.Labels.ToArray(), pixels, shape);
    }

    private static bool HasNonFinite(ReadOnlySpan<float> values)
    {
        foreach (var v in values)
            if (!float.IsFinite(v))
                return true;
        return false;
    }
}
