using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Jobs;
using Platform.Lab.Jobs;
using Platform.Lab.Notifications;
using Platform.Persistence.Records;
using Platform.TestSupport;

namespace Platform.Benchmarks.Foundation;

/// <summary>
/// Time from <c>SubmitJob</c> to the job recorded as running (worker took it off its queue and Lab stored
/// <c>JobStarted</c>), one job at a time, through the real bus, worker runtime and SQLite.
/// </summary>
internal static class SubmitLatencyBenchmark
{
    public static async Task<string> RunAsync(string transport, int count)
    {
        using var root = new TempDirectory();
        using var host = await BenchmarkLab.StartAsync(root.Path, withWorker: true,
            BenchmarkLab.Settings(transport, "Sqlite", "bench" + Guid.NewGuid().ToString("N")[..6] + "-"));
        var jobs = host.Services.GetRequiredService<JobService>();
        var notifier = host.Services.GetRequiredService<JobNotifier>();
        var samples = new List<double>();
        for (var i = 0; i < count + 20; i++)
        {
            using var subscription = notifier.Subscribe();
            var clock = Stopwatch.StartNew();
            var job = await jobs.SubmitAsync(JobKinds.SelfTest, """{"steps": 1, "stepMilliseconds": 0, "checkpointEvery": 0}""");
            double? started = null;
            while (true)
            {
                var change = await subscription.Reader.ReadAsync();
                if (change.JobId != job.Id) continue;
                if (started is null && change.State != JobState.Queued) started = clock.Elapsed.TotalMilliseconds;
                if (change.State.IsTerminal()) break;
            }
            if (i >= 20) samples.Add(started!.Value);
        }
        await host.StopAsync();
        samples.Sort();
        return $"submit→started {transport,-8}: n={count} median {Percentile(samples, 0.5):0.00} ms, p99 {Percentile(samples, 0.99):0.00} ms";
    }

    internal static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
