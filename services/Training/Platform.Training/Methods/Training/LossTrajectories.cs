using System.Globalization;
using System.Text;
using Platform.Torch;

namespace Platform.Training.Methods.Training;

/// <summary>
/// Every sample's loss and correctness after every epoch, keyed by dataset index: the loss trajectories
/// LTC/CLD, CSL and memorization scores are computed from.
/// </summary>
public sealed class LossTrajectories(int[] datasetIndices, int[] labels)
{
    private readonly List<float[]> losses = [];
    private readonly List<byte[]> correct = [];

    /// <summary>Dataset index of each row.</summary>
    public int[] DatasetIndices { get; } = datasetIndices;

    /// <summary>Label (as trained on) of each row.</summary>
    public int[] Labels { get; } = labels;

    /// <summary>Epochs recorded.</summary>
    public int Epochs => losses.Count;

    /// <summary>Adds one epoch's per-sample losses and correctness (in row order).</summary>
    public void Add(float[] epochLosses, byte[] epochCorrect)
    {
        if (epochLosses.Length != DatasetIndices.Length || epochCorrect.Length != DatasetIndices.Length)
            throw new ArgumentException($"an epoch needs {DatasetIndices.Length} values");
        losses.Add(epochLosses);
        correct.Add(epochCorrect);
    }

    /// <summary>Rows as [sample][epoch].</summary>
    public float[][] LossRows() =>
        Enumerable.Range(0, DatasetIndices.Length).Select(i => losses.Select(e => e[i]).ToArray()).ToArray();

    /// <summary>The tensors of a safetensors file: loss and correct [samples, epochs], dataset_index and label [samples].</summary>
    public Dictionary<string, Tensor> ToTensors(string prefix = "")
    {
        var n = DatasetIndices.Length;
        var e = Epochs;
        var l = new float[n * e];
        var c = new byte[n * e];
        for (var epoch = 0; epoch < e; epoch++)
            for (var i = 0; i < n; i++)
            {
                l[i * e + epoch] = losses[epoch][i];
                c[i * e + epoch] = correct[epoch][i];
            }
        return new Dictionary<string, Tensor>
        {
            [prefix + "loss"] = Tensor.From(l, [n, e]),
            [prefix + "correct"] = Tensor.From(c, [n, e]),
            [prefix + "dataset_index"] = Tensor.From(DatasetIndices.Select(i => (long)i).ToArray()),
            [prefix + "label"] = Tensor.From(Labels.Select(i => (long)i).ToArray()),
        };
    }

    /// <summary>Restores the epochs saved by <see cref="ToTensors"/>.</summary>
    public void Load(IReadOnlyDictionary<string, Tensor> tensors, string prefix = "")
    {
        losses.Clear();
        correct.Clear();
        if (!tensors.TryGetValue(prefix + "loss", out var l))
            return;
        var (n, e) = ((int)l.Shape[0], (int)l.Shape[1]);
        var lv = l.ToArray<float>();
        var cv = tensors[prefix + "correct"].ToArray<byte>();
        for (var epoch = 0; epoch < e; epoch++)
            Add(Enumerable.Range(0, n).Select(i => lv[i * e + epoch]).ToArray(), Enumerable.Range(0, n).Select(i => cv[i * e + epoch]).ToArray());
    }

    /// <summary>CSV: dataset_index, label, loss_1..loss_E, correct_1..correct_E.</summary>
    public byte[] ToCsv()
    {
        var text = new StringBuilder("dataset_index,label");
        for (var e = 1; e <= Epochs; e++) text.Append(CultureInfo.InvariantCulture, $",loss_{e}");
        for (var e = 1; e <= Epochs; e++) text.Append(CultureInfo.InvariantCulture, $",correct_{e}");
        text.Append('\n');
        for (var i = 0; i < DatasetIndices.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{DatasetIndices[i]},{Labels[i]}");
            foreach (var e in losses) text.Append(CultureInfo.InvariantCulture, $",{e[i]:R}");
            foreach (var e in correct) text.Append(CultureInfo.InvariantCulture, $",{e[i]}");
            text.Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
