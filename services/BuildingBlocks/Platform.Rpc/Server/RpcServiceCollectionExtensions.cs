using Platform.Rpc.Health;
using Platform.Rpc.Reflection;
using Platform.Rpc.Server;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gRPC server.</summary>
public static class RpcServiceCollectionExtensions
{
    /// <summary>
    /// Adds the gRPC server: options, the registry of mapped services, the health status store, and the
    /// health and reflection services (mapped separately with <c>MapRpcHealthService</c> / <c>MapRpcReflectionService</c>).
    /// </summary>
    public static IServiceCollection AddRpc(this IServiceCollection services, Action<RpcServerOptions>? configure = null)
    {
        var options = services.AddOptions<RpcServerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddRouting();
        services.AddSingleton<RpcServiceRegistry>();
        services.AddSingleton<HealthStatusStore>();
        services.AddSingleton<HealthService>();
        services.AddSingleton<ReflectionIndex>();
        services.AddSingleton<ReflectionServiceV1>();
        services.AddSingleton<ReflectionServiceV1Alpha>();
        return services;
    }
}
