namespace Platform.Training.Methods.Data;

/// <summary>How injected label noise picks the wrong label.</summary>
public enum LabelNoiseKind
{
    /// <summary>Uniformly among the other classes.</summary>
    Symmetric,

    /// <summary>By a fixed class map (class-dependent noise, e.g. shirt → T-shirt).</summary>
    Asymmetric,
}
