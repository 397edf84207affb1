namespace Platform.Torch.Nn;

/// <summary>A registered forward hook; disposing it removes it from its module.</summary>
internal sealed class ForwardHook(Action<Module, Tensor, Tensor> callback, List<ForwardHook> owner) : IDisposable
{
    public Action<Module, Tensor, Tensor> Callback { get; } = callback;

    public void Dispose() => owner.Remove(this);
}
