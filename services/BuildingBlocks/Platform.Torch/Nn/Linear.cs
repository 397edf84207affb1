namespace Platform.Torch.Nn;

/// <summary>y = x Wᵀ + b (torch.nn.Linear), initialised like PyTorch.</summary>
public sealed class Linear : Module
{
    /// <summary>Creates the layer; weight [out, in], bias [out].</summary>
    public Linear(long inFeatures, long outFeatures, bool bias = true, Generator? generator = null)
    {
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", Tensor.Empty([outFeatures, inFeatures]))!;
        Bias = RegisterParameter("bias", bias ? Tensor.Empty([outFeatures]) : null);
        Init.DefaultLayerInit(Weight, Bias, generator);
    }

    /// <summary>Input size.</summary>
    public long InFeatures { get; }
    /// <summary>Output size.</summary>
    public long OutFeatures { get; }
    /// <summary>Weight [out, in].</summary>
    public Tensor Weight { get; }
    /// <summary>Bias [out] or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc />
    protected override Tensor ForwardCore(Tensor input) => Functional.Linear(input, Weight, Bias);
}
