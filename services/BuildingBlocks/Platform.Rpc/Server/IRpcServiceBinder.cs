using Google.Protobuf.Reflection;

namespace Platform.Rpc.Server;

/// <summary>Binds the methods of a generated service contract to its rpcs. Implemented by the generated <c>{Service}Rpc</c> classes.</summary>
/// <typeparam name="TService">The generated contract interface.</typeparam>
public interface IRpcServiceBinder<TService>
    where TService : class
{
    /// <summary>The proto descriptor of the service.</summary>
    ServiceDescriptor Descriptor { get; }

    /// <summary>Adds one handler per rpc to <paramref name="builder"/>.</summary>
    void Bind(RpcServiceBuilder<TService> builder);
}
