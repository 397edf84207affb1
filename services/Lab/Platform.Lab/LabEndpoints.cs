using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Platform.Lab.Api;

namespace Platform.Lab;

/// <summary>Lab's gRPC API on a host: the listener (<c>Lab:GrpcUrl</c>) and the endpoints.</summary>
public static class LabEndpoints
{
    /// <summary>The configuration key of the gRPC address.</summary>
    public const string GrpcUrlKey = "Lab:GrpcUrl";

    /// <summary>Where the API listens unless <c>Lab:GrpcUrl</c> says otherwise.</summary>
    public const string DefaultGrpcUrl = "http://127.0.0.1:5081";

    /// <summary>
    /// Listens for gRPC (h2c, HTTP/2 only) on <c>Lab:GrpcUrl</c> (default <see cref="DefaultGrpcUrl"/>; empty = off),
    /// and keeps the HTTP/1.1 addresses of <c>urls</c> (health, dashboard): Kestrel drops <c>urls</c> as soon as any
    /// endpoint is configured in code, so they are re-bound here.
    /// </summary>
    public static WebApplicationBuilder ListenLab(this WebApplicationBuilder builder)
    {
        var grpcUrl = builder.Configuration[GrpcUrlKey] ?? DefaultGrpcUrl;
        if (string.IsNullOrWhiteSpace(grpcUrl))
            return builder;
        var grpc = ParseEndPoint(grpcUrl, GrpcUrlKey);
        var http = (builder.Configuration["urls"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => ParseEndPoint(u, "urls"))
            .ToList();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenRpc(grpc);
            foreach (var endPoint in http)
                kestrel.Listen(endPoint);
        });
        return builder;
    }

    /// <summary>Maps the Lab services (projects, jobs, metrics, artifacts, training), gRPC health and server reflection.</summary>
    /// <summary>Maps the Lab services (projects, jobs, metrics, artifacts, workers), gRPC health and server reflection.</summary>
    public static WebApplication MapLab(this WebApplication app)
    {
        app.MapRpcService<ProjectApi>();
        app.MapRpcService<JobApi>();
        app.MapRpcService<MetricApi>();
        app.MapRpcService<ArtifactApi>();
        app.MapRpcService<Api.Training.TrainingApi>();
        app.MapRpcService<WorkerApi>();
        app.MapRpcHealthService();
        app.MapRpcReflectionService();
        return app;
    }

    private static IPEndPoint ParseEndPoint(string url, string key)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttp)
            throw new ArgumentException($"{key} '{url}' is not an http:// address like {DefaultGrpcUrl}");
        var address = uri.Host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(uri.Host, out var ip) ? ip
            : throw new ArgumentException($"{key} '{url}' must name an IP address (or localhost), not a host name");
        return new IPEndPoint(address, uri.Port);
    }
}
