namespace Platform.Curvature.Methods.Attacks;

/// <summary>Per-sample signals computed from a model's logits.</summary>
public static class ConfidenceSignals
{
    /// <summary>LiRA's logit-scaled confidence log(p_y / (1 − p_y)), computed stably as z_y − logsumexp_{j≠y} z_j.</summary>
    public static double LogitScaled(ReadOnlySpan<float> logits, int label)
    {
        var others = double.NegativeInfinity;
        var max = double.NegativeInfinity;
        for (var j = 0; j < logits.Length; j++)
            if (j != label) max = Math.Max(max, logits[j]);
        double sum = 0;
        for (var j = 0; j < logits.Length; j++)
            if (j != label) sum += Math.Exp(logits[j] - max);
        others = max + Math.Log(sum);
        return logits[label] - others;
    }

    /// <summary>Softmax probabilities in double precision.</summary>
    public static double[] Softmax(ReadOnlySpan<float> logits)
    {
        var max = double.NegativeInfinity;
        foreach (var z in logits) max = Math.Max(max, z);
        var e = new double[logits.Length];
        double sum = 0;
        for (var j = 0; j < e.Length; j++) sum += e[j] = Math.Exp(logits[j] - max);
        for (var j = 0; j < e.Length; j++) e[j] /= sum;
        return e;
    }

    /// <summary>Song &amp; Mittal's modified entropy −(1−p_y) log p_y − Σ_{j≠y} p_j log(1−p_j).</summary>
    public static double ModifiedEntropy(ReadOnlySpan<float> logits, int label)
    {
        var p = Softmax(logits);
        const double tiny = 1e-30;
        var value = -(1 - p[label]) * Math.Log(p[label] + tiny);
        for (var j = 0; j < p.Length; j++)
            if (j != label) value -= p[j] * Math.Log(1 - p[j] + tiny);
        return value;
    }
}
