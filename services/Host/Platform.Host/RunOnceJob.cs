using Platform.Lab.Jobs;
using Platform.Lab.Notifications;
using Platform.Messaging.Jobs;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;

namespace Platform.Host;

/// <summary>Runs the job of <see cref="RunOnceOptions"/> and stops the host when it has ended.</summary>
internal sealed class RunOnceJob(
    RunOnceOptions options, JobService jobs, JobRepository rows, JobNotifier notifier, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    /// <summary>The exit code of the run: 0 succeeded, 1 failed or canceled, 2 refused.</summary>
    public static int ExitCode { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
        using var subscription = notifier.Subscribe();
        JobRecord job;
        try
        {
            job = await jobs.SubmitAsync(options.Kind!, options.Spec, "run", ct: stoppingToken);
        }
        catch (JobSpecException e)
        {
            await Console.Error.WriteLineAsync("platform: " + e.Message);
            ExitCode = 2;
            lifetime.StopApplication();
            return;
        }
        Console.WriteLine($"job {job.Id} ({job.Kind}) submitted: {job.Spec}");
        var lastState = job.State;
        var lastPrint = DateTimeOffset.MinValue;
        while (!job.State.IsTerminal())
        {
            await subscription.Reader.WaitToReadAsync(stoppingToken);
            while (subscription.Reader.TryRead(out _)) { }
            job = (await rows.GetAsync(job.Id, stoppingToken))!;
            // One line a second at most: a console log, not a flood.
            if (job.State != lastState || DateTimeOffset.UtcNow - lastPrint >= TimeSpan.FromSeconds(1))
            {
                var percent = job.ProgressLimit > 0 ? $"{100 * job.ProgressValue / job.ProgressLimit,5:0.0}%" : "";
                Console.WriteLine($"{job.State,-9} {percent} {job.ProgressMessage}");
                (lastState, lastPrint) = (job.State, DateTimeOffset.UtcNow);
            }
        }
        Console.WriteLine(job.State == JobState.Succeeded
            ? $"job {job.Id} succeeded: {job.Result}"
            : $"job {job.Id} {job.State.ToString().ToLowerInvariant()}: {job.Error}");
        ExitCode = job.State == JobState.Succeeded ? 0 : 1;
        lifetime.StopApplication();
    }
}
