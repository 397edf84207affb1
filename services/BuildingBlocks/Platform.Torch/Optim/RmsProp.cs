namespace Platform.Torch.Optim;

/// <summary>RMSprop (torch.optim.RMSprop) with optional momentum, centering and weight decay.</summary>
public sealed class RmsProp : Optimizer
{
    /// <summary>Creates RMSprop with PyTorch's defaults.</summary>
    public RmsProp(IEnumerable<Tensor> parameters, double learningRate = 1e-2, double alpha = 0.99, double eps = 1e-8, double weightDecay = 0,
        double momentum = 0, bool centered = false)
        : base(parameters, learningRate)
    {
        Alpha = alpha;
        Eps = eps;
        WeightDecay = weightDecay;
        Momentum = momentum;
        Centered = centered;
    }

    /// <summary>Smoothing constant.</summary>
    public double Alpha { get; }
    /// <summary>Added to the denominator.</summary>
    public double Eps { get; }
    /// <summary>L2 penalty added to the gradient.</summary>
    public double WeightDecay { get; }
    /// <summary>Momentum factor.</summary>
    public double Momentum { get; }
    /// <summary>Normalise by the variance estimate instead of the second moment.</summary>
    public bool Centered { get; }

    /// <inheritdoc />
    protected override void Update(int index, Tensor parameter, Tensor grad)
    {
        Tensor Zeros() => Tensor.Zeros(parameter.Shape, parameter.DType, parameter.Device);
        if (WeightDecay != 0)
        {
            grad = grad + parameter * WeightDecay;
        }
        var squareAvg = State(index, "square_avg", Zeros);
        squareAvg.Mul_(Alpha).Addcmul_(grad, grad, 1 - Alpha);
        Tensor avg;
        if (Centered)
        {
            var gradAvg = State(index, "grad_avg", Zeros);
            gradAvg.Mul_(Alpha).Add_(grad, 1 - Alpha);
            avg = (squareAvg - gradAvg * gradAvg).Sqrt_().Add_(Eps);
        }
        else
        {
            avg = squareAvg.Sqrt().Add_(Eps);
        }
        if (Momentum > 0)
        {
            var buffer = State(index, "momentum_buffer", Zeros);
            buffer.Mul_(Momentum).Addcdiv_(grad, avg);
            parameter.Add_(buffer, -LearningRate);
        }
        else
        {
            parameter.Addcdiv_(grad, avg, -LearningRate);
        }
    }
}
