using Grpc.Health.V1;

namespace Platform.Rpc.Health;

/// <summary>The standard <c>grpc.health.v1.Health</c> service over a <see cref="HealthStatusStore"/>.</summary>
public sealed class HealthService(HealthStatusStore store) : IHealth
{
    /// <summary>The status of the requested service; NOT_FOUND when it is unknown.</summary>
    public Task<HealthCheckResponse> Check(HealthCheckRequest request, CallContext? context = null)
    {
        if (!store.TryGetStatus(request.Service, out var status))
        {
            throw new RpcException(StatusCode.NotFound, $"Service '{request.Service}' is unknown to the health checker.");
        }

        return Task.FromResult(new HealthCheckResponse { Status = status });
    }

    /// <summary>The current status of the requested service, then each change, until the caller cancels.</summary>
    public async IAsyncEnumerable<HealthCheckResponse> Watch(HealthCheckRequest request, CallContext? context = null)
    {
        await foreach (var status in store.WatchAsync(request.Service, context?.CancellationToken ?? default).ConfigureAwait(false))
        {
            yield return new HealthCheckResponse { Status = status };
        }
    }
}
