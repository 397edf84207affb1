namespace Platform.Torch.Nn;

/// <summary>Zeroes elements with probability p in training and rescales by 1/(1-p) (torch.nn.Dropout).</summary>
public sealed class Dropout(double p = 0.5) : Module
{
    /// <summary>Drop probability.</summary>
    public double P { get; } = p is >= 0 and <= 1 ? p : throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability must be in [0, 1]");

    /// <inheritdoc />
    protected override Tensor ForwardCore(Tensor input) => Functional.Dropout(input, P, Training);
}
