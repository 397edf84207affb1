using System.Globalization;
using System.Text;
using Platform.Torch;

namespace Platform.Curvature.Methods.Scoring;

/// <summary>
/// Per-sample outputs of a scoring run, keyed by dataset index: one column per (signal, view), e.g.
/// <c>fd_gradnorm/original</c>, <c>loss/flipped</c>, <c>logit_conf/original</c>.
/// </summary>
public sealed class SampleScores(int[] datasetIndices, int[] labels)
{
    private readonly Dictionary<string, double[]> columns = new(StringComparer.Ordinal);

    /// <summary>Dataset index of each row.</summary>
    public int[] DatasetIndices { get; } = datasetIndices;

    /// <summary>Label of each row.</summary>
    public int[] Labels { get; } = labels;

    /// <summary>Column names in insertion order.</summary>
    public IReadOnlyCollection<string> Columns => columns.Keys;

    /// <summary>A column (created on first use).</summary>
    public double[] this[string column] =>
        columns.TryGetValue(column, out var values) ? values : columns[column] = new double[DatasetIndices.Length];

    /// <summary>Writes rows [offset, offset + values.Length) of a column.</summary>
    public void Set(string column, int offset, IReadOnlyList<double> values)
    {
        var target = this[column];
        for (var i = 0; i < values.Count; i++) target[offset + i] = values[i];
    }

    /// <summary>float64 tensors per column plus dataset_index and label (for safetensors).</summary>
    public Dictionary<string, Tensor> ToTensors()
    {
        var tensors = columns.ToDictionary(c => c.Key, c => Tensor.From(c.Value));
        tensors["dataset_index"] = Tensor.From(DatasetIndices.Select(i => (long)i).ToArray());
        tensors["label"] = Tensor.From(Labels.Select(i => (long)i).ToArray());
        return tensors;
    }

    /// <summary>CSV with a header: dataset_index, label, then every column.</summary>
    public byte[] ToCsv()
    {
        var names = columns.Keys.ToList();
        var text = new StringBuilder("dataset_index,label");
        foreach (var n in names) text.Append(',').Append(n);
        text.Append('\n');
        for (var i = 0; i < DatasetIndices.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{DatasetIndices[i]},{Labels[i]}");
            foreach (var n in names) text.Append(CultureInfo.InvariantCulture, $",{columns[n][i]:R}");
            text.Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
