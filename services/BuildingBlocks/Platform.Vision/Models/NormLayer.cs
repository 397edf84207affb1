using Platform.Torch.Nn;

namespace Platform.Vision.Models;

/// <summary>Creates the normalisation layer of a <see cref="NormKind"/>.</summary>
internal static class NormLayer
{
    /// <summary>Groups used for GroupNorm variants (Opacus' convention).</summary>
    public static long Groups(long channels) => Math.Min(32, channels);

    public static Module? Create(NormKind kind, long channels) => kind switch
    {
        NormKind.BatchNorm => new BatchNorm2d(channels),
        NormKind.GroupNorm => new GroupNorm(Groups(channels), channels),
        NormKind.None => null,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown normalisation"),
    };

    /// <summary>torchvision's re-initialisation: conv kaiming_normal_(fan_out, relu), norms γ=1 β=0.</summary>
    public static void TorchvisionInit(Module model, bool linearNormal = false)
    {
        using var noGrad = Platform.Torch.Torch.NoGrad();
        foreach (var (_, module) in model.NamedModules())
        {
            switch (module)
            {
                case Conv2d conv:
                    Init.KaimingNormal_(conv.Weight, fanOut: true);
                    conv.Bias?.Zero_();
                    break;
                case BatchNorm2d bn:
                    bn.Weight?.Fill_(1);
                    bn.Bias?.Zero_();
                    break;
                case GroupNorm gn:
                    gn.Weight?.Fill_(1);
                    gn.Bias?.Zero_();
                    break;
                case Linear linear when linearNormal:
                    linear.Weight.Normal_(0, 0.01);
                    linear.Bias?.Zero_();
                    break;
            }
        }
    }
}
