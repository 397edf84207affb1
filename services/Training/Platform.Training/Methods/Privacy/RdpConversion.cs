namespace Platform.Training.Methods.Privacy;

/// <summary>How an RDP curve is turned into (ε, δ)-DP.</summary>
public enum RdpConversion
{
    /// <summary>
    /// ε = RDP(α) + log((α−1)/α) − (log δ + log α)/(α−1) (Balle et al. 2020; current Opacus). Tighter.
    /// </summary>
    Improved,

    /// <summary>ε = RDP(α) − log δ/(α−1) (Mironov 2017), as used for the published TF Privacy and Opacus tables.</summary>
    Classic,
}
