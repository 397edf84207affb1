using Google.Protobuf.Reflection;

namespace Platform.Rpc.Server;

/// <summary>The services mapped on this server, in mapping order; read by reflection and health.</summary>
public sealed class RpcServiceRegistry
{
    private readonly List<ServiceDescriptor> _services = [];
    private readonly Lock _lock = new();

    /// <summary>The mapped services.</summary>
    public IReadOnlyList<ServiceDescriptor> Services
    {
        get
        {
            lock (_lock)
            {
                return [.. _services];
            }
        }
    }

    internal bool UnimplementedRoutesMapped { get; set; }

    internal void Add(ServiceDescriptor service)
    {
        lock (_lock)
        {
            if (_services.All(s => s.FullName != service.FullName))
            {
                _services.Add(service);
            }
        }
    }
}
