using System.Text.Json;

namespace Platform.Curvature.Jobs;

/// <summary>What a training run recorded in its <c>membership.json</c>: its training set with the labels it trained on.</summary>
internal sealed record RunMembership(string Dataset, int DatasetSize, int[] Indices, int[] Labels, HashSet<int> Corrupted, Dictionary<int, int> DuplicateSources)
{
    public static RunMembership Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("trained", out var trained))
            throw new InvalidDataException("the training run's membership.json has no 'trained' set (labels as trained); train the run again with this version of the platform");
        int[] Ints(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt32()).ToArray();
        return new RunMembership(
            root.GetProperty("dataset").GetString()!,
            root.GetProperty("datasetSize").GetInt32(),
            Ints(trained.GetProperty("indices")),
            Ints(trained.GetProperty("labels")),
            Ints(root.GetProperty("corrupted")).ToHashSet(),
            root.GetProperty("duplicates").EnumerateArray().ToDictionary(d => d.GetProperty("index").GetInt32(), d => d.GetProperty("source").GetInt32()));
    }

    /// <summary>The dataset sample a training-set index shows (an injected duplicate shows its source).</summary>
    public int SourceOf(int index) => index < DatasetSize ? index : DuplicateSources[index];
}
