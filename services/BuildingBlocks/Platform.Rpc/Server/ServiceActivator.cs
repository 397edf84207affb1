using Microsoft.Extensions.DependencyInjection;

namespace Platform.Rpc.Server;

/// <summary>
/// Provides the service instance for a call: the one registered in DI if any (its lifetime is DI's),
/// otherwise a new one per call built with constructor injection and disposed after the call.
/// </summary>
internal sealed class ServiceActivator<TImplementation>
    where TImplementation : class
{
    private readonly ObjectFactory _factory = ActivatorUtilities.CreateFactory(typeof(TImplementation), Type.EmptyTypes);

    public (TImplementation Instance, bool Created) Create(IServiceProvider services)
    {
        var registered = services.GetService<TImplementation>();
        return registered is not null ? (registered, false) : ((TImplementation)_factory(services, null), true);
    }

    public static async ValueTask ReleaseAsync(object instance)
    {
        switch (instance)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
