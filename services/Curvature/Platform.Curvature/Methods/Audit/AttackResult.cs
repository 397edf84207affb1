using Platform.Curvature.Methods.Attacks;

namespace Platform.Curvature.Methods.Audit;

/// <summary>One attack on one target: its per-sample scores (higher = member) and their metrics.</summary>
public sealed record AttackResult(string Attack, int Target, double[] Scores, AttackMetrics Metrics, int NonFiniteScores);
