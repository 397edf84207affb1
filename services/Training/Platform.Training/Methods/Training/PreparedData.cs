using Platform.Training.Methods.Data;
using Platform.Vision.Datasets;

namespace Platform.Training.Methods.Training;

/// <summary>
/// What a run trains and evaluates on. Per-sample records are keyed by <see cref="DatasetIndices"/>: the
/// training split's index of each position, or <c>count + k</c> for the k-th injected duplicate.
/// </summary>
public sealed record PreparedData(
    string DatasetName,
    RelabeledDataset Train,
    int[] DatasetIndices,
    IImageDataset? Validation,
    int[] ValidationIndices,
    IImageDataset Test,
    int[] CorruptedIndices,
    IReadOnlyList<Duplicate> Duplicates,
    int TrainSplitSize);
