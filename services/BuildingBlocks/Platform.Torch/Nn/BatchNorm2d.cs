namespace Platform.Torch.Nn;

/// <summary>
/// Batch normalisation over [N, C, H, W] (torch.nn.BatchNorm2d). Buffers running_mean,
/// running_var and num_batches_tracked follow PyTorch (read by synthesis from BN statistics).
/// </summary>
public sealed class BatchNorm2d : Module
{
    /// <summary>Creates the layer with PyTorch's defaults.</summary>
    public BatchNorm2d(long numFeatures, double eps = 1e-5, double momentum = 0.1, bool affine = true, bool trackRunningStats = true)
    {
        NumFeatures = numFeatures;
        Eps = eps;
        Momentum = momentum;
        Weight = RegisterParameter("weight", affine ? Tensor.Ones([numFeatures]) : null);
        Bias = RegisterParameter("bias", affine ? Tensor.Zeros([numFeatures]) : null);
        if (trackRunningStats)
        {
            RunningMean = RegisterBuffer("running_mean", Tensor.Zeros([numFeatures]));
            RunningVar = RegisterBuffer("running_var", Tensor.Ones([numFeatures]));
            NumBatchesTracked = RegisterBuffer("num_batches_tracked", Tensor.Zeros([], ScalarType.Int64));
        }
    }

    /// <summary>Channels.</summary>
    public long NumFeatures { get; }
    /// <summary>Added to the variance.</summary>
    public double Eps { get; }
    /// <summary>Running-average factor.</summary>
    public double Momentum { get; }
    /// <summary>Scale γ or null.</summary>
    public Tensor? Weight { get; }
    /// <summary>Shift β or null.</summary>
    public Tensor? Bias { get; }
    /// <summary>Running mean per channel or null.</summary>
    public Tensor? RunningMean { get; }
    /// <summary>Running (unbiased) variance per channel or null.</summary>
    public Tensor? RunningVar { get; }
    /// <summary>Number of training batches seen.</summary>
    public Tensor? NumBatchesTracked { get; }

    /// <inheritdoc />
    protected override Tensor ForwardCore(Tensor input)
    {
        if (input.Dim != 4)
        {
            throw new ArgumentException($"BatchNorm2d expects a 4-D input [N, C, H, W], got [{string.Join(", ", input.Shape)}]", nameof(input));
        }
        if (Training && NumBatchesTracked is not null)
        {
            using var noGrad = Torch.NoGrad();
            NumBatchesTracked.Add_(1);
        }
        var useBatchStats = Training || RunningMean is null;
        return Functional.BatchNorm(input, RunningMean, RunningVar, Weight, Bias, useBatchStats, Momentum, Eps);
    }
}
