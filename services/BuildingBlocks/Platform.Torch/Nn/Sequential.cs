namespace Platform.Torch.Nn;

/// <summary>Runs children in order (torch.nn.Sequential); children are named "0", "1", … like PyTorch.</summary>
public sealed class Sequential : Module
{
    private readonly List<Module> _layers = [];

    /// <summary>Creates the container from <paramref name="layers"/>.</summary>
    public Sequential(params Module[] layers)
    {
        foreach (var layer in layers)
        {
            Add(layer);
        }
    }

    /// <summary>Appends a layer named by its position.</summary>
    public Sequential Add(Module layer) => Add(_layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), layer);

    /// <summary>Appends a layer with an explicit name (OrderedDict form).</summary>
    public Sequential Add(string name, Module layer)
    {
        _layers.Add(RegisterModule(name, layer));
        return this;
    }

    /// <summary>Number of layers.</summary>
    public int Count => _layers.Count;

    /// <summary>The layer at <paramref name="index"/>.</summary>
    public Module this[int index] => _layers[index];

    /// <inheritdoc />
    protected override Tensor ForwardCore(Tensor input)
    {
        var x = input;
        foreach (var layer in _layers)
        {
            x = layer.Forward(x);
        }
        return x;
    }
}
