using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Curvature.Methods.Attacks;

namespace Platform.Curvature.Methods.Audit;

/// <summary>
/// The audit's outputs: a JSON report (metrics per attack as mean ± std over targets and per target, mean curvature
/// of members and non-members, member/non-member histograms), the ROC points of every attack (CSV: usable on linear
/// and log-log axes), a per-sample table (CSV) and a Markdown summary table.
/// </summary>
public sealed class AuditReport(IReadOnlyList<TargetAudit> targets, int[] datasetIndices, int[] labels, int shadows, int bins)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Attack names in the order they ran.</summary>
    public IReadOnlyList<string> Attacks => targets[0].Attacks.Select(a => a.Attack).ToList();

    /// <summary>Mean and standard deviation over targets of a metric of an attack.</summary>
    public (double Mean, double Std) Summary(string attack, Func<AttackMetrics, double> metric)
    {
        var values = targets.Select(t => metric(t.Attacks.Single(a => a.Attack == attack).Metrics)).ToArray();
        var mean = values.Average();
        return (mean, values.Length < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)));
    }

    /// <summary>Mean curvature of members and non-members per estimator, averaged over targets.</summary>
    public IReadOnlyDictionary<string, (double Members, double NonMembers)> MeanCurvature =>
        targets[0].MeanCurvature.Keys.ToDictionary(e => e,
            e => (targets.Average(t => t.MeanCurvature[e].Members), targets.Average(t => t.MeanCurvature[e].NonMembers)));

    /// <summary>The JSON report.</summary>
    public JsonObject ToJson()
    {
        var attacks = new JsonArray();
        foreach (var name in Attacks)
        {
            var perTarget = new JsonArray();
            foreach (var t in targets)
            {
                var r = t.Attacks.Single(a => a.Attack == name);
                perTarget.Add(Metrics(r.Metrics, new JsonObject { ["target"] = t.Target, ["nonFiniteScores"] = r.NonFiniteScores }));
            }
            attacks.Add(new JsonObject
            {
                ["attack"] = name,
                ["auroc"] = Summary(name, m => m.Auroc).Mean,
                ["aurocStd"] = Summary(name, m => m.Auroc).Std,
                ["balancedAccuracy"] = Summary(name, m => m.BalancedAccuracy).Mean,
                ["tprAt1PercentFpr"] = Summary(name, m => m.TprAt1PercentFpr).Mean,
                ["tprAt0.1PercentFpr"] = Summary(name, m => m.TprAt01PercentFpr).Mean,
                ["tprAt0.01PercentFpr"] = Summary(name, m => m.TprAt001PercentFpr).Mean,
                ["perTarget"] = perTarget,
            });
        }
        var curvature = new JsonObject();
        foreach (var (e, (members, nonMembers)) in MeanCurvature)
            curvature[e] = new JsonObject { ["members"] = members, ["nonMembers"] = nonMembers };
        var first = targets[0];
        var histograms = new JsonObject();
        foreach (var a in first.Attacks)
            histograms[a.Attack] = Histogram(a.Scores, first.IsMember);
        foreach (var (signal, values) in first.Signals)
            histograms["signal:" + signal] = Histogram(values, first.IsMember);
        return new JsonObject
        {
            ["targets"] = new JsonArray([.. targets.Select(t => JsonValue.Create(t.Target))]),
            ["shadows"] = shadows,
            ["pool"] = datasetIndices.Length,
            ["members"] = new JsonArray([.. targets.Select(t => JsonValue.Create(t.IsMember.Count(m => m)))]),
            ["attacks"] = attacks,
            ["meanCurvature"] = curvature,
            ["histogramsOfTarget"] = first.Target,
            ["histograms"] = histograms,
        };
    }

    /// <summary>Every ROC point: attack, target, threshold, fpr, tpr.</summary>
    public byte[] RocCsv()
    {
        var text = new StringBuilder("attack,target,threshold,fpr,tpr\n");
        foreach (var t in targets)
            foreach (var a in t.Attacks)
                foreach (var p in a.Metrics.Roc)
                    text.Append(Inv, $"{a.Attack},{t.Target},{p.Threshold:R},{p.Fpr:R},{p.Tpr:R}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>One row per target and pool sample: membership, the target's signals and every attack's score (<c>attack:{name}</c>).</summary>
    public byte[] SamplesCsv()
    {
        var signals = targets[0].Signals.Keys.ToList();
        var text = new StringBuilder("target,dataset_index,label,member");
        foreach (var s in signals) text.Append(',').Append(s);
        foreach (var a in Attacks) text.Append(",attack:").Append(a);
        text.Append('\n');
        foreach (var t in targets)
            for (var i = 0; i < datasetIndices.Length; i++)
            {
                text.Append(Inv, $"{t.Target},{datasetIndices[i]},{labels[i]},{(t.IsMember[i] ? 1 : 0)}");
                foreach (var s in signals) text.Append(Inv, $",{t.Signals[s][i]:R}");
                foreach (var a in t.Attacks) text.Append(Inv, $",{a.Scores[i]:R}");
                text.Append('\n');
            }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A Markdown table: AUROC, balanced accuracy and TPR at 1 / 0.1 / 0.01 % FPR per attack, in %.</summary>
    public string MarkdownTable()
    {
        var text = new StringBuilder("| attack | AUROC | balanced acc. | TPR@1%FPR | TPR@0.1%FPR | TPR@0.01%FPR |\n| --- | --- | --- | --- | --- | --- |\n");
        foreach (var a in Attacks)
        {
            var (auroc, std) = Summary(a, m => m.Auroc);
            var pm = targets.Count > 1 ? string.Create(Inv, $" ± {100 * std:0.00}") : "";
            text.Append(Inv, $"| {a} | {100 * auroc:0.00}{pm} | {100 * Summary(a, m => m.BalancedAccuracy).Mean:0.00} | ")
                .Append(Inv, $"{100 * Summary(a, m => m.TprAt1PercentFpr).Mean:0.00} | {100 * Summary(a, m => m.TprAt01PercentFpr).Mean:0.00} | ")
                .Append(Inv, $"{100 * Summary(a, m => m.TprAt001PercentFpr).Mean:0.00} |\n");
        }
        if (MeanCurvature.Count > 0)
        {
            text.Append("\n| estimator | mean curvature, members (train) | mean curvature, non-members (held out) |\n| --- | --- | --- |\n");
            foreach (var (e, (members, nonMembers)) in MeanCurvature)
                text.Append(Inv, $"| {e} | {members:G4} | {nonMembers:G4} |\n");
        }
        return text.ToString();
    }

    private static JsonObject Metrics(AttackMetrics m, JsonObject into)
    {
        into["auroc"] = m.Auroc;
        into["balancedAccuracy"] = m.BalancedAccuracy;
        into["tprAt1PercentFpr"] = m.TprAt1PercentFpr;
        into["tprAt0.1PercentFpr"] = m.TprAt01PercentFpr;
        into["tprAt0.01PercentFpr"] = m.TprAt001PercentFpr;
        return into;
    }

    private JsonObject Histogram(double[] values, bool[] member)
    {
        var (lo, hi) = (values.Min(), values.Max());
        var width = hi > lo ? (hi - lo) / bins : 1;
        var (inside, outside) = (new int[bins], new int[bins]);
        for (var i = 0; i < values.Length; i++)
        {
            var b = Math.Clamp((int)((values[i] - lo) / width), 0, bins - 1);
            if (member[i]) inside[b]++; else outside[b]++;
        }
        return new JsonObject
        {
            ["edges"] = new JsonArray([.. Enumerable.Range(0, bins + 1).Select(k => JsonValue.Create(lo + k * width))]),
            ["members"] = new JsonArray([.. inside.Select(c => JsonValue.Create(c))]),
            ["nonMembers"] = new JsonArray([.. outside.Select(c => JsonValue.Create(c))]),
        };
    }
}
