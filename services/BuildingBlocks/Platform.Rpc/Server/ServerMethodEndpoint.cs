using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Rpc.Server;

/// <summary>The request delegate of one rpc endpoint: starts the call, runs the handler, sends the status.</summary>
internal sealed class ServerMethodEndpoint<TImplementation, TService>(
    ServerMethod<TService> method,
    ServiceActivator<TImplementation> activator,
    RpcServerOptions options,
    ILogger logger)
    where TImplementation : class, TService
    where TService : class
{
    public async Task HandleAsync(HttpContext http)
    {
        var call = new ServerCall(http, method.FullName, options, logger);
        await using (call.ConfigureAwait(false))
        {
            if (!await call.TryStartAsync(method.IsClientStreaming).ConfigureAwait(false))
            {
                return;
            }

            TImplementation? instance = null;
            var created = false;
            try
            {
                (instance, created) = activator.Create(http.RequestServices);
                await method.InvokeAsync(call, instance).ConfigureAwait(false);
                await call.CompleteAsync(Status.Ok).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                await call.FailAsync(e).ConfigureAwait(false);
            }
            finally
            {
                if (created && instance is not null)
                {
                    await ServiceActivator<TImplementation>.ReleaseAsync(instance).ConfigureAwait(false);
                }
            }
        }
    }
}
