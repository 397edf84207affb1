namespace Platform.Torch.Nn;

/// <summary>Group normalisation (torch.nn.GroupNorm); batch-independent, so usable with DP-SGD.</summary>
public sealed class GroupNorm : Module
{
    /// <summary>Creates the layer; <paramref name="numChannels"/> must be divisible by <paramref name="numGroups"/>.</summary>
    public GroupNorm(long numGroups, long numChannels, double eps = 1e-5, bool affine = true)
    {
        if (numChannels % numGroups != 0)
        {
            throw new ArgumentException($"num_channels ({numChannels}) must be divisible by num_groups ({numGroups})");
        }
        NumGroups = numGroups;
        NumChannels = numChannels;
        Eps = eps;
        Weight = RegisterParameter("weight", affine ? Tensor.Ones([numChannels]) : null);
        Bias = RegisterParameter("bias", affine ? Tensor.Zeros([numChannels]) : null);
    }

    /// <summary>Groups.</summary>
    public long NumGroups { get; }
    /// <summary>Channels.</summary>
    public long NumChannels { get; }
    /// <summary>Added to the variance.</summary>
    public double Eps { get; }
    /// <summary>Scale γ or null.</summary>
    public Tensor? Weight { get; }
    /// <summary>Shift β or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc />
    protected override Tensor ForwardCore(Tensor input) => Functional.GroupNorm(input, NumGroups, Weight, Bias, Eps);
}
