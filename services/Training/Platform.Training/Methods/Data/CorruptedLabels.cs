namespace Platform.Training.Methods.Data;

/// <summary>Labels after injecting noise, and exactly which samples were changed (sorted).</summary>
public sealed record CorruptedLabels(int[] Labels, int[] Corrupted);
