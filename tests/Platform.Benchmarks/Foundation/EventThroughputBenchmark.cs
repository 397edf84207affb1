using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Jobs;
using Platform.Lab.Jobs;
using Platform.Persistence.Repositories;
using Platform.TestSupport;

namespace Platform.Benchmarks.Foundation;

/// <summary>
/// Progress and metric events Lab records per second: events are published on the bus as many workers would
/// (half <c>JobProgressed</c>, half <c>MetricsLogged</c> with one point, 128 publishers at once so publishing is
/// not the bottleneck) and the clock stops when the last one is stored.
/// </summary>
internal static class EventThroughputBenchmark
{
    public static async Task<string> RunAsync(string database, string transport, int count)
    {
        using var root = new TempDirectory();
        await using var pg = database == "Postgres" ? await PostgresDatabase.CreateAsync() : null;
        var settings = BenchmarkLab.Settings(transport, database, "bench" + Guid.NewGuid().ToString("N")[..6] + "-");
        if (pg is not null) settings["Persistence:ConnectionString"] = pg.ConnectionString;
        using var host = await BenchmarkLab.StartAsync(root.Path, withWorker: false, settings);
        var jobs = host.Services.GetRequiredService<JobService>();
        var rows = host.Services.GetRequiredService<JobRepository>();
        var metrics = host.Services.GetRequiredService<MetricRepository>();
        var bus = host.Services.GetRequiredService<IPublishEndpoint>();

        var job = await jobs.SubmitAsync(JobKinds.SelfTest, "{}");
        var run = Guid.NewGuid();
        await bus.Publish(new JobStarted(job.Id, run, 1, DateTimeOffset.UtcNow, "bench", "cpu", null));
        await Eventually.WaitAsync(() => rows.GetAsync(job.Id), j => j!.RunId == run, TimeSpan.FromSeconds(30), "the run to start");

        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 128 }, async (i, ct) =>
        {
            var seq = i + 2L;
            if (i % 2 == 0)
                await bus.Publish(new JobProgressed(job.Id, run, seq, DateTimeOffset.UtcNow, i, count, "bench"), ct);
            else
                await bus.Publish(new MetricsLogged(job.Id, run, seq, DateTimeOffset.UtcNow, [new MetricPoint("loss", i, 1.0 / i, DateTimeOffset.UtcNow)]), ct);
        });
        var published = clock.Elapsed.TotalSeconds;
        var lastProgress = count % 2 == 0 ? count : count + 1L;
        await Eventually.WaitAsync(() => rows.GetAsync(job.Id), j => j!.LastSequence >= lastProgress, TimeSpan.FromMinutes(10), "progress to be stored");
        await Eventually.WaitAsync(async () => (await metrics.ListAsync(job.Id)).Count, n => n >= count / 2, TimeSpan.FromMinutes(10), "metrics to be stored");
        var seconds = clock.Elapsed.TotalSeconds;
        await host.StopAsync();
        return $"events recorded {database,-8} ({transport}): {count} in {seconds:0.00} s = {count / seconds:0} events/s " +
               $"(publishing alone took {published:0.00} s)";
    }
}
