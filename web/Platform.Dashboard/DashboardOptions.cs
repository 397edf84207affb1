using Microsoft.Extensions.Configuration;

namespace Platform.Dashboard;

/// <summary>Where the dashboard finds Lab: <c>Dashboard:LabAddress</c>, else the same process's <c>Lab:GrpcUrl</c>.</summary>
public sealed record DashboardOptions(Uri LabAddress)
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Dashboard";

    /// <summary>Reads the options; a wildcard listen address (0.0.0.0, *, +) is reached over loopback.</summary>
    public static DashboardOptions From(IConfiguration configuration)
    {
        var text = configuration[$"{Section}:LabAddress"] is { Length: > 0 } a ? a
            : configuration["Lab:GrpcUrl"] is { Length: > 0 } g ? g
            : "http://127.0.0.1:5081";
        text = text.Replace("://0.0.0.0", "://127.0.0.1").Replace("://*", "://127.0.0.1").Replace("://+", "://127.0.0.1")
            .Replace("://[::]", "://127.0.0.1");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"Dashboard:LabAddress '{text}' is not an http(s):// address of Lab's gRPC API, like http://127.0.0.1:5081");
        return new DashboardOptions(uri);
    }
}
