namespace Platform.Lab;

/// <summary>Configuration section <c>Lab</c>.</summary>
public sealed class LabOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Lab";

    /// <summary>A running job whose worker has not been heard from for this long is marked stalled.</summary>
    public double StalledAfterSeconds { get; set; } = 60;

    /// <summary>How often to look for stalled jobs.</summary>
    public double StalledCheckSeconds { get; set; } = 10;
}
