namespace Platform.Torch.Nn;

/// <summary>Gaussian error linear unit (torch.nn.GELU); approximate "none" (erf) or "tanh".</summary>
public sealed class GELU(string approximate = "none") : Module
{
    /// <summary>"none" or "tanh".</summary>
    public string Approximate { get; } = approximate is "none" or "tanh" ? approximate : throw new ArgumentException($"approximate must be 'none' or 'tanh', not '{approximate}'", nameof(approximate));

    /// <inheritdoc />
    protected override Tensor ForwardCore(Tensor input) => Functional.Gelu(input, Approximate);
}
