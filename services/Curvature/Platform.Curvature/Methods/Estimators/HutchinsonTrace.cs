using Platform.Torch;
using Platform.Torch.Nn;

namespace Platform.Curvature.Methods.Estimators;

/// <summary>
/// <c>hutchinson_trace</c>: the signed trace of the input Hessian, tr ∇²ₓℓ ≈ mean over k Rademacher v of vᵀHv,
/// with Hv by double backward of the per-sample loss (the definition in Curvature Clues).
/// </summary>
public sealed class HutchinsonTrace : IInputCurvatureEstimator
{
    /// <inheritdoc />
    public string Name => "hutchinson_trace";

    /// <inheritdoc />
    public double[] Score(Module model, Tensor images, Tensor labels, IReadOnlyList<int> datasetIndices, EstimatorOptions options)
    {
        var n = (int)images.Shape[0];
        var sums = new double[n];
        using var scope = Torch.Torch.NewDisposeScope();
        var x = images.Detach().RequiresGrad_();
        var loss = Functional.CrossEntropy(model.Forward(x), labels, Reduction.Sum);
        var g = Autograd.Grad([loss], [x], createGraph: true)[0]!;
        for (var k = 0; k < options.Directions; k++)
        {
            using var step = Torch.Torch.NewDisposeScope();
            var v = RademacherDirections.For(datasetIndices, images.Shape[1..], options.Seed, k).To(images.Device);
            var hv = Autograd.Grad([(g * v).Sum()], [x], retainGraph: true)[0]!;
            var vhv = (v * hv).Reshape(n, -1).Sum(1).To(ScalarType.Float64).To(Device.Cpu).ToArray<double>();
            for (var i = 0; i < n; i++) sums[i] += vhv[i];
        }
        return sums.Select(s => s / options.Directions).ToArray();
    }
}
