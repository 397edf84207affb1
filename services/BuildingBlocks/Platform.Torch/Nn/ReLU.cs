namespace Platform.Torch.Nn;

/// <summary>max(x, 0) (torch.nn.ReLU).</summary>
public sealed class ReLU : Module
{
    /// <inheritdoc />
    protected override Tensor ForwardCore(Tensor input) => Functional.Relu(input);
}
