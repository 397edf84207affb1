using Microsoft.Extensions.Configuration;

namespace Platform.Host;

/// <summary>
/// What this process hosts, from <c>Platform:Roles</c> (comma-separated): <c>lab</c> (control plane, database,
/// API) and <c>worker</c> (runs jobs). The embedded default is both; a GPU box adds <c>worker</c> processes.
/// </summary>
internal sealed record HostRoles(bool Lab, bool Worker)
{
    public static HostRoles From(IConfiguration configuration)
    {
        var text = configuration["Platform:Roles"] ?? "lab,worker";
        var roles = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.ToLowerInvariant()).ToHashSet();
        var unknown = roles.Except(["lab", "worker"]).ToList();
        if (unknown.Count > 0 || roles.Count == 0)
            throw new ArgumentException(
                $"Platform:Roles '{text}' is not valid: use lab, worker, or lab,worker (unknown: {string.Join(", ", unknown)})");
        return new HostRoles(roles.Contains("lab"), roles.Contains("worker"));
    }
}
