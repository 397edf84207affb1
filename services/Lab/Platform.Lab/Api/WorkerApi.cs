using Platform.Lab.V1;
using Platform.Persistence.Repositories;
using Platform.Rpc;

namespace Platform.Lab.Api;

/// <summary><c>platform.lab.v1.WorkerService</c> over the heartbeat rows of <see cref="WorkerRepository"/>.</summary>
public sealed class WorkerApi(WorkerRepository workers) : IWorkerService
{
    private const int DefaultSeconds = 600;

    /// <inheritdoc />
    public async Task<ListWorkersResponse> ListWorkers(ListWorkersRequest request, CallContext? context = null)
    {
        if (request.SeenWithinSeconds < 0)
            throw RpcErrors.InvalidArgument($"seen_within_seconds must be ≥ 0 (0 = {DefaultSeconds}); got {request.SeenWithinSeconds}",
                ("seen_within_seconds", "negative"));
        var seconds = request.SeenWithinSeconds == 0 ? DefaultSeconds : request.SeenWithinSeconds;
        var rows = await workers.ListAsync(DateTimeOffset.UtcNow.AddSeconds(-seconds), context?.CancellationToken ?? CancellationToken.None);
        var response = new ListWorkersResponse();
        response.Workers.AddRange(rows.Select(w => w.ToProto()));
        return response;
    }
}
