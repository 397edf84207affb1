namespace Platform.Torch.Nn;

/// <summary>
/// torch.nn.init, with PyTorch's exact arithmetic so that the same seed gives bit-identical
/// weights (the bound is computed in double the way the Python code does).
/// </summary>
public static class Init
{
    /// <summary>fan_in and fan_out of a weight of shape [out, in, *kernel].</summary>
    public static (long FanIn, long FanOut) Fans(Tensor weight)
    {
        var shape = weight.Shape;
        if (shape.Length < 2)
        {
            throw new ArgumentException("fan in and fan out need a tensor with at least 2 dimensions", nameof(weight));
        }
        long receptive = 1;
        for (var i = 2; i < shape.Length; i++)
        {
            receptive *= shape[i];
        }
        return (shape[1] * receptive, shape[0] * receptive);
    }

    /// <summary>kaiming_uniform_(mode="fan_in", nonlinearity="leaky_relu") with negative slope <paramref name="a"/>.</summary>
    public static Tensor KaimingUniform_(Tensor weight, double a = 0, Generator? generator = null)
    {
        var fan = Fans(weight).FanIn;
        var gain = Math.Sqrt(2.0 / (1 + Math.Pow(a, 2)));
        var std = gain / Math.Sqrt(fan);
        var bound = Math.Sqrt(3.0) * std;
        return weight.Uniform_(-bound, bound, generator);
    }

    /// <summary>The bias init of Linear and Conv layers: uniform(±1/√fan_in).</summary>
    public static Tensor BiasUniform_(Tensor bias, long fanIn, Generator? generator = null)
    {
        var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
        return bias.Uniform_(-bound, bound, generator);
    }

    /// <summary>The default init of nn.Linear / nn.Conv*d: kaiming_uniform_(a=√5) then the bias bound.</summary>
    public static void DefaultLayerInit(Tensor weight, Tensor? bias, Generator? generator = null)
    {
        KaimingUniform_(weight, Math.Sqrt(5), generator);
        if (bias is not null)
        {
            BiasUniform_(bias, Fans(weight).FanIn, generator);
        }
    }

    /// <summary>
    /// kaiming_normal_(mode, nonlinearity="relu" or "leaky_relu"): normal(0, gain/√fan) with fan
    /// = fan_in or fan_out (torchvision's ResNet and VGG use fan_out with relu).
    /// </summary>
    public static Tensor KaimingNormal_(Tensor weight, bool fanOut = false, string nonlinearity = "relu", double a = 0, Generator? generator = null)
    {
        var (fanIn, fanOutValue) = Fans(weight);
        var gain = nonlinearity switch
        {
            "relu" => Math.Sqrt(2.0),
            "leaky_relu" => Math.Sqrt(2.0 / (1 + Math.Pow(a, 2))),
            "linear" => 1.0,
            _ => throw new ArgumentException($"nonlinearity '{nonlinearity}' is not supported; use relu, leaky_relu or linear", nameof(nonlinearity)),
        };
        var std = gain / Math.Sqrt(fanOut ? fanOutValue : fanIn);
        return weight.Normal_(0, std, generator);
    }
}
