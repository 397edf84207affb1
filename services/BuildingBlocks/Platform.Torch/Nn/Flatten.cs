namespace Platform.Torch.Nn;

/// <summary>Flattens dims startDim..endDim (torch.nn.Flatten; by default all but the batch dim).</summary>
public sealed class Flatten(long startDim = 1, long endDim = -1) : Module
{
    /// <summary>First flattened dim.</summary>
    public long StartDim { get; } = startDim;
    /// <summary>Last flattened dim.</summary>
    public long EndDim { get; } = endDim;

    /// <inheritdoc />
    protected override Tensor ForwardCore(Tensor input) => input.Flatten(StartDim, EndDim);
}
