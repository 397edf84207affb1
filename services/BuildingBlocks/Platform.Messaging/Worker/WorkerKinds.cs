using Platform.Messaging.Jobs;

namespace Platform.Messaging.Worker;

/// <summary>The job kinds this process consumes: those it has handlers for, narrowed by <c>Worker:Kinds</c>.</summary>
public sealed class WorkerKinds
{
    /// <summary>Computes the kinds; naming a kind in <c>Worker:Kinds</c> without a handler is an error.</summary>
    public WorkerKinds(IEnumerable<JobHandlerRegistration> handlers, WorkerOptions options)
    {
        var available = handlers.Select(h => h.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var missing = options.Kinds.Except(available, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"Worker:Kinds names {string.Join(", ", missing)}, which this process has no handler for; it has: {string.Join(", ", available)}");
        All = options.Kinds.Count == 0 ? available : available.Where(options.Kinds.Contains).ToList();
    }

    /// <summary>The kinds, sorted.</summary>
    public IReadOnlyList<string> All { get; }
}
