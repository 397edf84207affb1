using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Contracts.Jobs;

namespace Platform.Messaging.Worker;

/// <summary>Takes a job off its kind's queue and hands it to that kind's executor; acked when the job has ended.</summary>
internal sealed class RunJobConsumer(IServiceProvider services, ILogger<RunJobConsumer> logger) : IConsumer<RunJob>
{
    public async Task Consume(ConsumeContext<RunJob> context)
    {
        var command = context.Message;
        var executor = services.GetKeyedService<IJobExecutor>(command.Kind);
        if (executor is null)
        {
            // Routing put a job on a queue this process does not serve: fail it loudly rather than drop it.
            logger.LogError("No handler for job kind {Kind} in this worker (job {JobId})", command.Kind, command.JobId);
            await context.Publish(new JobFailed(command.JobId, Guid.NewGuid(), long.MaxValue, DateTimeOffset.UtcNow,
                $"worker has no handler for job kind '{command.Kind}'", "Configuration"));
            return;
        }
        await executor.ExecuteAsync(context);
    }
}
