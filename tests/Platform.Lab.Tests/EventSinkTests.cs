using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Jobs;
using Platform.Messaging.Jobs;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;
using Platform.TestSupport;

namespace Platform.Lab.Tests;

public sealed class EventSinkTests
{
    [Fact]
    public async Task DuplicatedAndStaleEventsChangeNothing()
    {
        using var root = new TempDirectory();
        await using var lab = await LabHost.StartAsync(root.Path, withWorker: false);
        var sink = lab.Services.GetRequiredService<IJobEventSink>();
        var job = await lab.Jobs.SubmitAsync(JobKinds.SelfTest, """{"steps": 3}""");
        var old = Guid.NewGuid();
        var run = Guid.NewGuid();
        var t = DateTimeOffset.UtcNow;
        IJobEvent[] history =
        [
            new JobStarted(job.Id, old, 1, t, "w0", "cpu", null),
            new MetricsLogged(job.Id, old, 2, t, [new MetricPoint("loss", 1, 9, t)]),
            new JobStarted(job.Id, run, 1, t, "w1", "cpu", 0),
            new MetricsLogged(job.Id, run, 2, t, [new MetricPoint("loss", 1, 1.0, t), new MetricPoint("loss", 2, 0.5, t)]),
            new JobProgressed(job.Id, run, 3, t, 2, 3, "two"),
            new ArtifactStored(job.Id, run, 4, t, "report.txt", "output", "text/plain", 3, new string('e', 64), "x"),
            new JobProgressed(job.Id, old, 9, t, 3, 3, "stale run"),
            new MetricsLogged(job.Id, old, 10, t, [new MetricPoint("loss", 2, 7, t)]),
            new JobSucceeded(job.Id, run, 5, t, "{\"ok\":1}"),
            new JobFailed(job.Id, old, 11, t, "stale failure", null),
        ];

        foreach (var e in history.Concat(history))
            await sink.OnJobEventsAsync([e], CancellationToken.None);

        var row = (await lab.JobRows.GetAsync(job.Id))!;
        row.State.Should().Be(JobState.Succeeded);
        row.Attempt.Should().Be(2, "two distinct runs started; their duplicates are ignored");
        row.Worker.Should().Be("w1");
        row.ProgressMessage.Should().Be("two");
        row.Result.Should().Be("{\"ok\":1}");
        var metrics = await lab.Services.GetRequiredService<MetricRepository>().ListAsync(job.Id, "loss");
        metrics.Select(m => (m.Step, m.Value)).Should().Equal((1L, 1.0), (2L, 0.5));
        (await lab.Services.GetRequiredService<ArtifactRepository>().ListByJobAsync(job.Id)).Should().ContainSingle();
    }
}
