namespace Platform.Vision.Datasets;

/// <summary>Which part of a dataset to load.</summary>
public enum DatasetSplit
{
    /// <summary>The training split.</summary>
    Train,

    /// <summary>The held-out test split.</summary>
    Test,
}
