using Microsoft.Extensions.Configuration;

namespace Platform.Host;

/// <summary>
/// What this process hosts, from <c>Platform:Roles</c> (comma-separated): <c>lab</c> (control plane, database,
/// API), <c>worker</c> (runs jobs) and <c>dashboard</c> (the web UI, reading Lab over gRPC). The embedded default
/// is all three; a GPU box adds <c>worker</c> processes.
/// </summary>
internal sealed record HostRoles(bool Lab, bool Worker, bool Dashboard = false)
{
    public static HostRoles From(IConfiguration configuration)
    {
        var text = configuration["Platform:Roles"] ?? "lab,worker,dashboard";
        var roles = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.ToLowerInvariant()).ToHashSet();
        var unknown = roles.Except(["lab", "worker", "dashboard"]).ToList();
        if (unknown.Count > 0 || roles.Count == 0)
            throw new ArgumentException(
                $"Platform:Roles '{text}' is not valid: use any of lab, worker, dashboard, comma-separated (unknown: {string.Join(", ", unknown)})");
        return new HostRoles(roles.Contains("lab"), roles.Contains("worker"), roles.Contains("dashboard"));
    }
}
