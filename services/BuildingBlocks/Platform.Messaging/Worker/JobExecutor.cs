using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Logging;
using Platform.Contracts.Jobs;
using Platform.Messaging.Bus;
using Platform.Messaging.Jobs;

namespace Platform.Messaging.Worker;

/// <summary>
/// The life of one delivery of a job: answer a duplicate delivery from the recorded outcome, wait for a
/// device slot, start a run (from the last checkpoint when resuming), call the handler, and publish how it
/// ended. When the worker shuts down mid-job, the delivery is left unacknowledged (the transport cancels it)
/// so the broker gives it to another worker, or to this one after a restart, which resumes from the last checkpoint.
/// </summary>
internal sealed class JobExecutor<THandler, TSpec>(
    THandler handler,
    JobKindCatalog catalog,
    CheckpointStore checkpoints,
    RunningJobs running,
    WorkerIdentity identity,
    WorkerOptions options,
    MessagingOptions messaging,
    ILogger<THandler> logger) : IJobExecutor
    where THandler : IJobHandler<TSpec>
    where TSpec : class, IJobSpec
{
    public async Task ExecuteAsync(ConsumeContext<RunJob> context)
    {
        var command = context.Message;
        var consumeToken = context.CancellationToken;
        IPublishEndpoint publisher = context;
        if (checkpoints.GetOutcome(command.JobId) is { } done && done.DispatchId == command.DispatchId)
        {
            logger.LogInformation("Job {JobId} was already {State} by run {RunId}; answering the duplicate delivery",
                command.JobId, done.State, done.RunId);
            await PublishOutcomeAsync(publisher, command.JobId, done, consumeToken);
            return;
        }
        if (running.Stopping)
            await HandBackAsync(consumeToken, messaging.Transport);
        if (!command.Resume)
            checkpoints.Clear(command.JobId);

        await running.AcquireSlotAsync(consumeToken);
        if (running.Stopping)
        {
            // Waited for the device while the worker began to stop: hand the job back without starting it.
            running.ReleaseSlot();
            await HandBackAsync(consumeToken, messaging.Transport);
        }
        var run = running.Start(command.JobId, Guid.NewGuid(), consumeToken);
        var events = new JobEventStream(publisher, command.JobId, run.RunId, TimeSpan.FromMilliseconds(options.ProgressIntervalMilliseconds));
        try
        {
            var checkpoint = checkpoints.GetLatest(command.JobId);
            await events.PublishAsync((seq, time) => new JobStarted(
                command.JobId, run.RunId, seq, time, identity.Id, identity.Device, checkpoint?.Step), consumeToken);
            logger.LogInformation("Job {JobId} ({Kind}) run {RunId} started{Resumed}", command.JobId, command.Kind, run.RunId,
                checkpoint is null ? "" : $" from checkpoint at step {checkpoint.Step}");
            var outcome = await RunHandlerAsync(command, events, checkpoint, run, consumeToken);
            if (outcome is null)
            {
                await events.FlushAsync(CancellationToken.None);
                await HandBackAsync(consumeToken, messaging.Transport);
                return;
            }
            checkpoints.SaveOutcome(command.JobId, outcome);
            await events.FlushAsync(consumeToken);
            await PublishOutcomeAsync(publisher, command.JobId, outcome, consumeToken, events);
        }
        finally
        {
            await events.DisposeAsync();
            running.Finish(run);
            running.ReleaseSlot();
        }
    }

    /// <summary>
    /// Gives the delivery back. On RabbitMQ: wait until the transport cancels it (the bus is stopping) and throw with
    /// its token, which MassTransit treats as "not consumed", so the broker keeps the message for another worker.
    /// In memory the message dies with the process whatever we do (Lab re-queues unfinished jobs at the next start),
    /// so stop at once instead of waiting on a token that transport may never cancel.
    /// </summary>
    private static async Task HandBackAsync(CancellationToken consumeToken, MessagingTransport transport)
    {
        if (transport == MessagingTransport.RabbitMQ)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(1), consumeToken);
            }
            catch (OperationCanceledException) when (consumeToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(consumeToken);
            }
        }
        throw new OperationCanceledException("the worker is stopping; the job resumes from its last checkpoint elsewhere");
    }

    /// <summary>How the handler ended, or null when the worker is shutting down and the job must go back to the queue.</summary>
    private async Task<JobOutcome?> RunHandlerAsync(
        RunJob command, JobEventStream events, JobCheckpoint? checkpoint, RunningJobs.Running run, CancellationToken consumeToken)
    {
        try
        {
            var (spec, _) = catalog.Parse(command.Kind, command.Spec);
            var context = new JobContext<TSpec>((TSpec)spec, command, events, checkpoints, checkpoint,
                identity.Id, identity.Device, logger, run.Source.Token);
            var result = await handler.RunAsync(context);
            var json = result is null ? null : JsonSerializer.Serialize(result, result.GetType(), JobSpecJson.Options);
            return new JobOutcome(command.DispatchId, run.RunId, "Succeeded", json, null, DateTimeOffset.UtcNow);
        }
        catch (OperationCanceledException) when (run.CanceledByUser)
        {
            logger.LogInformation("Job {JobId} canceled", command.JobId);
            return new JobOutcome(command.DispatchId, run.RunId, "Canceled", null, null, DateTimeOffset.UtcNow);
        }
        catch (OperationCanceledException) when (run.WorkerStopping || consumeToken.IsCancellationRequested)
        {
            logger.LogWarning("Worker stopping: job {JobId} goes back to the queue and resumes from its last checkpoint", command.JobId);
            return null;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Job {JobId} failed", command.JobId);
            var message = e is JobSpecException spec ? string.Join("; ", spec.Problems) : e.Message;
            return new JobOutcome(command.DispatchId, run.RunId, "Failed", null, message, DateTimeOffset.UtcNow);
        }
    }

    private static Task PublishOutcomeAsync(
        IPublishEndpoint publisher, Guid jobId, JobOutcome outcome, CancellationToken ct, JobEventStream? events = null)
    {
        IJobEvent Build(long seq, DateTimeOffset time) => outcome.State switch
        {
            "Succeeded" => new JobSucceeded(jobId, outcome.RunId, seq, time, outcome.Result),
            "Canceled" => new JobCanceled(jobId, outcome.RunId, seq, time),
            _ => new JobFailed(jobId, outcome.RunId, seq, time, outcome.Error ?? "failed", null),
        };
        if (events is not null)
            return events.PublishAsync(Build, ct);
        // A replayed outcome: Lab applies a final event once per run whatever its sequence.
        var replay = Build(long.MaxValue, DateTimeOffset.UtcNow);
        return publisher.Publish(replay, replay.GetType(), ct);
    }
}
