namespace Platform.Torch.Optim;

/// <summary>
/// Adam (torch.optim.Adam; L2 weight decay added to the gradient). With
/// <c>decoupledWeightDecay</c> it is AdamW (the decay shrinks the weights directly).
/// </summary>
public class Adam : Optimizer
{
    private readonly bool _decoupled;

    /// <summary>Creates Adam with PyTorch's defaults.</summary>
    public Adam(IEnumerable<Tensor> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
        : this(parameters, learningRate, beta1, beta2, eps, weightDecay, decoupledWeightDecay: false)
    {
    }

    /// <summary>Shared constructor of Adam and AdamW.</summary>
    protected Adam(IEnumerable<Tensor> parameters, double learningRate, double beta1, double beta2, double eps, double weightDecay, bool decoupledWeightDecay)
        : base(parameters, learningRate)
    {
        if (beta1 is < 0 or >= 1 || beta2 is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), "betas must be in [0, 1)");
        }
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
        _decoupled = decoupledWeightDecay;
    }

    /// <summary>Decay of the first moment.</summary>
    public double Beta1 { get; }
    /// <summary>Decay of the second moment.</summary>
    public double Beta2 { get; }
    /// <summary>Added to the denominator.</summary>
    public double Eps { get; }
    /// <summary>Weight decay (L2 for Adam, decoupled for AdamW).</summary>
    public double WeightDecay { get; }

    /// <inheritdoc />
    protected override void Update(int index, Tensor parameter, Tensor grad)
    {
        var step = IncrementStep(index);
        if (_decoupled)
        {
            parameter.Mul_(1 - LearningRate * WeightDecay);
        }
        else if (WeightDecay != 0)
        {
            grad = grad + parameter * WeightDecay;
        }
        var m = State(index, "exp_avg", () => Tensor.Zeros(parameter.Shape, parameter.DType, parameter.Device));
        var v = State(index, "exp_avg_sq", () => Tensor.Zeros(parameter.Shape, parameter.DType, parameter.Device));
        m.Mul_(Beta1).Add_(grad, 1 - Beta1);
        v.Mul_(Beta2).Addcmul_(grad, grad, 1 - Beta2);
        var biasCorrection1 = 1 - Math.Pow(Beta1, step);
        var biasCorrection2 = 1 - Math.Pow(Beta2, step);
        var stepSize = LearningRate / biasCorrection1;
        var denom = (v.Sqrt() / Math.Sqrt(biasCorrection2)).Add_(Eps);
        parameter.Addcdiv_(m, denom, -stepSize);
    }
}
