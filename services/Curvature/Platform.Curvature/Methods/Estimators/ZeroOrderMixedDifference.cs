using Platform.Torch;
using Platform.Torch.Nn;

namespace Platform.Curvature.Methods.Estimators;

/// <summary>
/// <c>zo_mixed_abs</c>, the black-box estimator of Curvature Clues: forward passes only,
/// mean over n pairs of independent Rademacher r, s of |ℓ(x+hr+hs) − ℓ(x−hr+hs) − ℓ(x+hr−hs) + ℓ(x−hr−hs)| / 4h
/// (≈ h·|rᵀHs|, a Frobenius-type magnitude, not the trace). In float32 at h = 1e-3 the four losses cancel to
/// near rounding, so by default they are evaluated in float64 (the model is run in double precision).
/// </summary>
public sealed class ZeroOrderMixedDifference : IInputCurvatureEstimator
{
    /// <inheritdoc />
    public string Name => "zo_mixed_abs";

    /// <summary>
    /// The rounding floor of the last <see cref="Score"/> per sample: machine epsilon of the dtype used × mean |ℓ| / h.
    /// Scores near it are noise.
    /// </summary>
    public double[] NoiseFloor { get; private set; } = [];

    /// <inheritdoc />
    public double[] Score(Module model, Tensor images, Tensor labels, IReadOnlyList<int> datasetIndices, EstimatorOptions options)
    {
        var n = (int)images.Shape[0];
        var sums = new double[n];
        var lossMagnitude = new double[n];
        var dtype = options.Float64Differences ? ScalarType.Float64 : images.DType;
        var epsilon = dtype == ScalarType.Float64 ? Math.Pow(2, -52) : Math.Pow(2, -23);
        var original = model.Parameters().FirstOrDefault()?.DType ?? ScalarType.Float32;
        if (dtype != original) model.To(dtype);
        try
        {
            using var scope = Torch.Torch.NewDisposeScope();
            using var noGrad = Torch.Torch.NoGrad();
            var x = images.To(dtype);
            for (var k = 0; k < options.Directions; k++)
            {
                using var step = Torch.Torch.NewDisposeScope();
                var r = RademacherDirections.For(datasetIndices, images.Shape[1..], options.Seed, k, stream: 1).To(images.Device).To(dtype) * options.Step;
                var s = RademacherDirections.For(datasetIndices, images.Shape[1..], options.Seed, k, stream: 2).To(images.Device).To(dtype) * options.Step;
                Tensor L(Tensor input) => Functional.CrossEntropy(model.Forward(input), labels, Reduction.None);
                var (pp, mp, pm, mm) = (L(x + r + s), L(x - r + s), L(x + r - s), L(x - r - s));
                var mixed = ((pp - mp - pm + mm) / (4 * options.Step)).Abs().To(ScalarType.Float64).To(Device.Cpu).ToArray<double>();
                var size = ((pp.Abs() + mp.Abs() + pm.Abs() + mm.Abs()) / 4).To(ScalarType.Float64).To(Device.Cpu).ToArray<double>();
                for (var i = 0; i < n; i++)
                {
                    sums[i] += mixed[i];
                    lossMagnitude[i] += size[i];
                }
            }
        }
        finally
        {
            if (dtype != original) model.To(original);
        }
        NoiseFloor = lossMagnitude.Select(m => epsilon * m / options.Directions / options.Step).ToArray();
        return sums.Select(s => s / options.Directions).ToArray();
    }
}
