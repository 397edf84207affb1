using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Rpc;
using Platform.Rpc.Health;
using Platform.Rpc.Reflection;
using Platform.Rpc.Server;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps rpc services onto endpoint routing: one <c>POST /{package.Service}/{Method}</c> endpoint per rpc.</summary>
public static class RpcEndpointRouteBuilderExtensions
{
    private static readonly MethodInfo MapContractMethod =
        typeof(RpcEndpointRouteBuilderExtensions).GetMethod(nameof(MapContract), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// Maps every generated service contract (<c>I{Service}</c>) that <typeparamref name="TImplementation"/>
    /// implements, marks those services SERVING in the health store, and answers unknown services and
    /// methods with UNIMPLEMENTED. The instance comes from DI when registered, else one is created per call.
    /// </summary>
    public static RpcEndpointConventionBuilder MapRpcService<TImplementation>(this IEndpointRouteBuilder endpoints)
        where TImplementation : class
    {
        var contracts = typeof(TImplementation).GetInterfaces()
            .Where(i => i.GetCustomAttribute<RpcContractAttribute>() is not null)
            .ToList();
        if (contracts.Count == 0)
        {
            throw new InvalidOperationException($"{typeof(TImplementation).Name} implements no rpc service contract. Implement the interface generated from the .proto (e.g. IGreeter for service Greeter), which carries [RpcContract].");
        }

        var registry = endpoints.ServiceProvider.GetService<RpcServiceRegistry>()
            ?? throw new InvalidOperationException("Call services.AddRpc() before mapping rpc services.");
        var builders = new List<IEndpointConventionBuilder>();
        foreach (var contract in contracts)
        {
            var map = MapContractMethod.MakeGenericMethod(typeof(TImplementation), contract);
            builders.AddRange((IEnumerable<IEndpointConventionBuilder>)map.Invoke(null, [endpoints, registry])!);
        }

        if (!registry.UnimplementedRoutesMapped)
        {
            registry.UnimplementedRoutesMapped = true;
            MapUnimplemented(endpoints, "{unimplementedService}/{unimplementedMethod}", "Service is unimplemented.").Add(b => ((RouteEndpointBuilder)b).Order = int.MaxValue);
        }

        return new RpcEndpointConventionBuilder(builders);
    }

    /// <summary>Maps <c>grpc.health.v1.Health</c> (Check and Watch) over the <see cref="HealthStatusStore"/>.</summary>
    public static RpcEndpointConventionBuilder MapRpcHealthService(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapRpcService<HealthService>();

    /// <summary>Maps server reflection, <c>grpc.reflection.v1</c> and <c>grpc.reflection.v1alpha</c>, over every mapped service.</summary>
    public static RpcEndpointConventionBuilder MapRpcReflectionService(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapRpcService<ReflectionServiceV1>();
        var v1Alpha = endpoints.MapRpcService<ReflectionServiceV1Alpha>();
        return new RpcEndpointConventionBuilder([v1, v1Alpha]);
    }

    private static List<IEndpointConventionBuilder> MapContract<TImplementation, TService>(IEndpointRouteBuilder endpoints, RpcServiceRegistry registry)
        where TImplementation : class, TService
        where TService : class
    {
        var binderType = typeof(TService).GetCustomAttribute<RpcContractAttribute>()!.BinderType;
        var binder = Activator.CreateInstance(binderType) as IRpcServiceBinder<TService>
            ?? throw new InvalidOperationException($"{binderType.Name} named by [RpcContract] on {typeof(TService).Name} is not an IRpcServiceBinder<{typeof(TService).Name}>.");
        var builder = new RpcServiceBuilder<TService>();
        binder.Bind(builder);
        RpcContractValidator.Validate(binder.Descriptor, builder.Methods);

        var services = endpoints.ServiceProvider;
        var options = services.GetRequiredService<IOptions<RpcServerOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Rpc.Server");
        var activator = new ServiceActivator<TImplementation>();
        var result = new List<IEndpointConventionBuilder>();
        foreach (var method in builder.Methods)
        {
            var endpoint = new ServerMethodEndpoint<TImplementation, TService>(method, activator, options, logger);
            result.Add(endpoints.MapPost(method.FullName, endpoint.HandleAsync).WithDisplayName("gRPC - " + method.FullName));
        }

        var serviceName = binder.Descriptor.FullName;
        result.Add(MapUnimplemented(endpoints, "/" + serviceName + "/{unimplementedMethod}", "Method is unimplemented."));
        registry.Add(binder.Descriptor);
        services.GetRequiredService<HealthStatusStore>().SetStatus(serviceName, Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving);
        return result;
    }

    private static IEndpointConventionBuilder MapUnimplemented(IEndpointRouteBuilder endpoints, string pattern, string message)
    {
        var routePattern = RoutePatternFactory.Parse(pattern, defaults: null, parameterPolicies: new RouteValueDictionary { ["unimplementedMethod"] = new UnimplementedRouteConstraint() });
        return endpoints.Map(routePattern, http => TrailersOnlyResponse.WriteAsync(http, StatusCodes.Status200OK, StatusCode.Unimplemented, message))
            .WithDisplayName("gRPC - unimplemented " + pattern);
    }
}
