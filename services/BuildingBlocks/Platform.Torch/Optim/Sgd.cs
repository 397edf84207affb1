namespace Platform.Torch.Optim;

/// <summary>Stochastic gradient descent with momentum, dampening, Nesterov and weight decay (torch.optim.SGD).</summary>
public sealed class Sgd : Optimizer
{
    /// <summary>Creates SGD with PyTorch's defaults.</summary>
    public Sgd(IEnumerable<Tensor> parameters, double learningRate, double momentum = 0, double dampening = 0, double weightDecay = 0, bool nesterov = false)
        : base(parameters, learningRate)
    {
        if (nesterov && (momentum <= 0 || dampening != 0))
        {
            throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening");
        }
        Momentum = momentum;
        Dampening = dampening;
        WeightDecay = weightDecay;
        Nesterov = nesterov;
    }

    /// <summary>Momentum factor.</summary>
    public double Momentum { get; }
    /// <summary>Dampening of the momentum.</summary>
    public double Dampening { get; }
    /// <summary>L2 penalty added to the gradient.</summary>
    public double WeightDecay { get; }
    /// <summary>Nesterov momentum.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc />
    protected override void Update(int index, Tensor parameter, Tensor grad)
    {
        var d = WeightDecay != 0 ? grad + parameter * WeightDecay : grad;
        if (Momentum != 0)
        {
            // PyTorch starts the buffer at the first gradient, without dampening.
            var fresh = !HasState(index, "momentum_buffer");
            var buffer = State(index, "momentum_buffer", d.Clone);
            if (!fresh)
            {
                buffer.Mul_(Momentum).Add_(d, 1 - Dampening);
            }
            d = Nesterov ? d + buffer * Momentum : buffer;
        }
        parameter.Add_(d, -LearningRate);
    }
}
