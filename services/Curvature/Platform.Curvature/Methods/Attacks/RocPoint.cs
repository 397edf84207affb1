namespace Platform.Curvature.Methods.Attacks;

/// <summary>One operating point of an attack: false- and true-positive rate at a score threshold.</summary>
public sealed record RocPoint(double Threshold, double Fpr, double Tpr);
