using MassTransit;
using Platform.Contracts.Jobs;

namespace Platform.Messaging.Worker;

/// <summary>Runs a <see cref="RunJob"/> command with the handler of its kind (one implementation per kind).</summary>
internal interface IJobExecutor
{
    Task ExecuteAsync(ConsumeContext<RunJob> context);
}
