using System.Text;
using Platform.Contracts.Jobs;
using Platform.Messaging.Worker;

namespace Platform.Messaging.Diagnostics;

/// <summary>
/// Runs <see cref="JobKinds.SelfTest"/>: steps with progress, a metric per step, checkpoints, an artifact at the
/// end. Resumes from its checkpoint, so every step is logged exactly once across runs.
/// </summary>
public sealed class SelfTestJobHandler : IJobHandler<SelfTestSpec>
{
    /// <inheritdoc />
    public async Task<object?> RunAsync(JobContext<SelfTestSpec> context)
    {
        var spec = context.Spec;
        var start = 0L;
        if (context.Checkpoint is not null)
        {
            using var reader = new StreamReader(context.OpenCheckpoint());
            start = long.Parse(await reader.ReadToEndAsync(context.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        for (var step = start + 1; step <= spec.Steps; step++)
        {
            if (spec.StepMilliseconds > 0)
                await Task.Delay(spec.StepMilliseconds, context.CancellationToken);
            context.CancellationToken.ThrowIfCancellationRequested();
            if (spec.FailAtStep == step)
                throw new InvalidOperationException($"self-test failed at step {step} as its spec asked (failAtStep={step})");
            context.LogMetric("value", step, step * step);
            context.ReportProgress(step, spec.Steps, $"step {step} of {spec.Steps}");
            if (spec.CheckpointEvery > 0 && step % spec.CheckpointEvery == 0)
                await context.SaveCheckpointAsync(step, new MemoryStream(Encoding.UTF8.GetBytes(step.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        var report = $"self-test: {spec.Steps} steps on {context.Device} by {context.WorkerId}\n";
        await context.StoreArtifactAsync("report.txt", "output", "text/plain", new MemoryStream(Encoding.UTF8.GetBytes(report)));
        return new { steps = spec.Steps, resumedFrom = start, worker = context.WorkerId };
    }
}
