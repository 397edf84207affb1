namespace Platform.Curvature.Methods.Audit;

/// <summary>The attacks on one target model, with its membership and raw signals (for the per-sample table).</summary>
public sealed record TargetAudit(
    int Target, bool[] IsMember, IReadOnlyList<AttackResult> Attacks, IReadOnlyDictionary<string, double[]> Signals,
    IReadOnlyDictionary<string, (double Members, double NonMembers)> MeanCurvature);
