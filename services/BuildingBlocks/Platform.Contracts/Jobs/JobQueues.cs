namespace Platform.Contracts.Jobs;

/// <summary>
/// Names of the queues jobs travel on. A prefix (<c>Messaging:QueuePrefix</c>) lets several platforms, or
/// test runs, share one broker without taking each other's jobs.
/// </summary>
public static class JobQueues
{
    /// <summary>The durable queue Lab reads job and worker events from.</summary>
    public static string LabEvents(string prefix = "") => prefix + "lab-events";

    /// <summary>The durable queue of one job kind: <c>jobs-train</c>, <c>jobs-curvature.score</c>.</summary>
    public static string ForKind(string kind, string prefix = "") => prefix + "jobs-" + kind;
}
