namespace Platform.Curvature.Methods.Audit;

/// <summary>
/// The per-sample signals of every model of a shadow set over one pool, with the IN/OUT masks: the input of the
/// membership attacks. Columns are named <c>{signal}/{view}</c> as <c>curvature.score</c> writes them.
/// </summary>
public sealed class ShadowSetScores
{
    private readonly IReadOnlyList<IReadOnlyDictionary<string, double[]>> models;

    /// <summary>Checks that every model covers the same pool as the masks, with the same columns.</summary>
    public ShadowSetScores(bool[][] isIn, IReadOnlyList<IReadOnlyDictionary<string, double[]>> models, int[] labels)
    {
        if (isIn.Length != models.Count)
            throw new ArgumentException($"the masks cover {isIn.Length} models but {models.Count} score tables were given");
        var pool = isIn[0].Length;
        if (labels.Length != pool)
            throw new ArgumentException($"the masks cover {pool} samples but the scores have {labels.Length} rows");
        for (var m = 0; m < models.Count; m++)
        {
            var bad = models[m].FirstOrDefault(c => c.Value.Length != pool);
            if (bad.Key is not null)
                throw new ArgumentException($"model {m}'s column '{bad.Key}' has {bad.Value.Length} rows, the pool has {pool}");
        }
        IsIn = isIn;
        Labels = labels;
        this.models = models;
        Views = new[] { "original", "flipped" }.Where(v => models[0].ContainsKey($"loss/{v}")).ToArray();
        if (Views.Length == 0)
            throw new ArgumentException("the scores have no loss/original or loss/flipped column; score with curvature.score");
    }

    /// <summary>isIn[model][sample]: the model trained on the sample.</summary>
    public bool[][] IsIn { get; }

    /// <summary>Label of each pool sample.</summary>
    public int[] Labels { get; }

    /// <summary>The views scored (original, flipped).</summary>
    public string[] Views { get; }

    /// <summary>Number of models.</summary>
    public int Models => models.Count;

    /// <summary>Number of pool samples.</summary>
    public int Samples => Labels.Length;

    /// <summary>A signal as [model][sample][view], transformed by <paramref name="map"/>; a clear error when it was not scored.</summary>
    public double[][][] Signal(string name, Func<double, double>? map = null)
    {
        var columns = Views.Select(v => $"{name}/{v}").ToArray();
        var missing = columns.FirstOrDefault(c => !models[0].ContainsKey(c));
        if (missing is not null)
            throw new ArgumentException($"the scores have no column '{missing}'; score the models with that estimator or signal");
        return models.Select(model => Enumerable.Range(0, Samples).Select(i =>
            columns.Select(c => map is null ? model[c][i] : map(model[c][i])).ToArray()).ToArray()).ToArray();
    }
}
