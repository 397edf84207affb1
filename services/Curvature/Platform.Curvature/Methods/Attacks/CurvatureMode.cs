namespace Platform.Curvature.Methods.Attacks;

/// <summary>Which version of the Curvature Clues attack rules to run.</summary>
public enum CurvatureMode
{
    /// <summary>Proper Gaussian log-likelihoods with separate IN and OUT deviations.</summary>
    Corrected,

    /// <summary>The released notebook's arithmetic (variance σ⁴; IN deviation for both NLL terms), to reproduce its numbers.</summary>
    Faithful,
}
