using Platform.Curvature.Methods.Attacks;
using Platform.Curvature.Methods.Estimators;
using Platform.Torch;
using Platform.Torch.Nn;
using Platform.Vision.Data;

namespace Platform.Curvature.Methods.Scoring;

/// <summary>
/// Scores one batch with a loaded model: for each view, the per-sample loss, logit-scaled true-class confidence,
/// true-class and max probability, modified entropy, prediction, and every requested curvature estimator.
/// </summary>
public static class SampleScorer
{
    /// <summary>The estimator of a name.</summary>
    public static IInputCurvatureEstimator Estimator(string name) => name switch
    {
        "hutchinson_trace" => new HutchinsonTrace(),
        "fd_gradnorm" => new FiniteDifferenceGradNorm(squared: false),
        "fd_gradnorm_sq" => new FiniteDifferenceGradNorm(squared: true),
        "zo_mixed_abs" => new ZeroOrderMixedDifference(),
        _ => throw new ArgumentException($"unknown estimator '{name}'"),
    };

    /// <summary>Scores <paramref name="batch"/> (raw images in [0, 1]) into rows starting at <paramref name="offset"/>.</summary>
    public static void Score(LoadedModel model, Batch batch, IReadOnlyList<int> datasetIndices, IReadOnlyList<string> views,
        IReadOnlyList<IInputCurvatureEstimator> estimators, EstimatorOptions options, SampleScores into, int offset, Device device)
    {
        using var scope = Torch.Torch.NewDisposeScope();
        var labels = batch.Labels.To(device);
        var labelValues = batch.Labels.To(Device.Cpu).ToArray<long>();
        foreach (var view in views)
        {
            var raw = view == "flipped" ? Flip(batch.Images) : batch.Images;
            var images = model.Normalize.Apply(raw, new SeededRandom(0)).To(device);
            using (Torch.Torch.NoGrad())
            {
                var logits = model.Module.Forward(images);
                var losses = Functional.CrossEntropy(logits, labels, Reduction.None).To(ScalarType.Float64).To(Device.Cpu).ToArray<double>();
                into.Set($"loss/{view}", offset, losses);
                var flat = logits.To(Device.Cpu).Contiguous().ToArray<float>();
                var classes = (int)logits.Shape[1];
                var signals = Enumerable.Range(0, batch.Count).Select(i =>
                {
                    var row = flat.AsSpan(i * classes, classes);
                    var p = ConfidenceSignals.Softmax(row);
                    var label = (int)labelValues[i];
                    return (Logit: ConfidenceSignals.LogitScaled(row, label), True: p[label], Max: p.Max(),
                        Entropy: ConfidenceSignals.ModifiedEntropy(row, label), Predicted: (double)Array.IndexOf(p, p.Max()));
                }).ToList();
                into.Set($"logit_conf/{view}", offset, signals.Select(s => s.Logit).ToArray());
                into.Set($"true_prob/{view}", offset, signals.Select(s => s.True).ToArray());
                into.Set($"max_prob/{view}", offset, signals.Select(s => s.Max).ToArray());
                into.Set($"modified_entropy/{view}", offset, signals.Select(s => s.Entropy).ToArray());
                into.Set($"prediction/{view}", offset, signals.Select(s => s.Predicted).ToArray());
            }
            foreach (var estimator in estimators)
            {
                var scores = estimator.Score(model.Module, images, labels, datasetIndices, options);
                into.Set($"{estimator.Name}/{view}", offset, scores);
                if (estimator is ZeroOrderMixedDifference zo)
                    into.Set($"zo_noise_floor/{view}", offset, zo.NoiseFloor);
            }
        }
    }

    private static Tensor Flip(Tensor images)
    {
        var width = images.Size(3);
        return images.IndexSelect(3, Tensor.Arange(width - 1, -1, -1, ScalarType.Int64, images.Device));
    }
}
