using Platform.Lab.V1;

namespace Platform.Dashboard.Live;

/// <summary>A job after a recorded change, and what changed (e.g. JobProgressed, MetricsLogged).</summary>
public sealed record JobUpdate(Job Job, IReadOnlyList<string> Changes, DateTimeOffset ReceivedAt)
{
    public bool Has(string change) => Changes.Contains(change);
}
