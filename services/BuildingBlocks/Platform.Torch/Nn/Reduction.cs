namespace Platform.Torch.Nn;

/// <summary>How a loss reduces over the batch; values are at::Reduction codes.</summary>
public enum Reduction
{
    /// <summary>One loss per element/sample.</summary>
    None = 0,
    /// <summary>Average (weighted average with class weights).</summary>
    Mean = 1,
    /// <summary>Sum.</summary>
    Sum = 2,
    /// <summary>Sum divided by the batch size (kl_div only; the mathematically correct KL).</summary>
    BatchMean = 3,
}
