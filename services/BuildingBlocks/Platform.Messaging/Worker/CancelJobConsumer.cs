using MassTransit;
using Platform.Contracts.Jobs;

namespace Platform.Messaging.Worker;

/// <summary>Delivered to every worker instance: cancels the job if it runs (or is about to run) here.</summary>
internal sealed class CancelJobConsumer(RunningJobs running) : IConsumer<CancelJobRequested>
{
    public Task Consume(ConsumeContext<CancelJobRequested> context)
    {
        running.Cancel(context.Message.JobId, context.Message.RunId);
        return Task.CompletedTask;
    }
}
