using FluentAssertions;
using Platform.Persistence.Connections;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;

namespace Platform.Persistence.Tests;

public sealed class JobRepositoryTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunLifecycleIsRecordedAndDuplicateEventsChangeNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var jobs = new JobRepository(db.Connections);
        var job = await jobs.InsertAsync(Guid.NewGuid(), "system.selftest", "{\"steps\":3}", "demo", null, null);
        var run = Guid.NewGuid();

        job.State.Should().Be(JobState.Queued);
        (await jobs.TryStartRunAsync(job.Id, run, 1, "w1", "cpu", T0)).Should().BeTrue();
        (await jobs.TryStartRunAsync(job.Id, run, 1, "w1", "cpu", T0)).Should().BeFalse("the same run started twice is a duplicate");
        (await jobs.TryUpdateProgressAsync(job.Id, run, 3, 2, 3, "step 2", T0.AddSeconds(2))).Should().BeTrue();
        (await jobs.TryUpdateProgressAsync(job.Id, run, 2, 1, 3, "step 1", T0.AddSeconds(1))).Should().BeFalse("older sequence");
        (await jobs.TryFinishAsync(job.Id, run, JobState.Succeeded, T0.AddSeconds(3), null, "{\"ok\":true}")).Should().BeTrue();
        (await jobs.TryFinishAsync(job.Id, run, JobState.Failed, T0.AddSeconds(4), "late", null)).Should().BeFalse();

        var stored = (await jobs.GetAsync(job.Id))!;
        stored.State.Should().Be(JobState.Succeeded);
        stored.Attempt.Should().Be(1);
        stored.Worker.Should().Be("w1");
        stored.ProgressValue.Should().Be(3, "success fills the bar to its limit");
        stored.ProgressMessage.Should().Be("step 2");
        stored.StartedAt.Should().Be(T0);
        stored.FinishedAt.Should().Be(T0.AddSeconds(3));
        stored.Result.Should().Be("{\"ok\":true}");
        stored.Error.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARedeliveredRunReplacesTheOldOneAndStaleEventsAreIgnored(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var jobs = new JobRepository(db.Connections);
        var job = await jobs.InsertAsync(Guid.NewGuid(), "k", "{}", "", null, null);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        await jobs.TryStartRunAsync(job.Id, first, 1, "a", "cpu", T0);
        await jobs.TryUpdateProgressAsync(job.Id, first, 5, 5, 10, null, T0);
        (await jobs.TryStartRunAsync(job.Id, second, 1, "b", "cpu", T0.AddSeconds(1))).Should().BeTrue();
        (await jobs.TryUpdateProgressAsync(job.Id, second, 2, 6, 10, null, T0)).Should().BeTrue("sequence restarts with the run");
        (await jobs.TryUpdateProgressAsync(job.Id, first, 9, 9, 10, null, T0)).Should().BeFalse("stale run");
        (await jobs.TryFinishAsync(job.Id, first, JobState.Failed, T0, "dead worker", null)).Should().BeFalse("stale run");

        var stored = (await jobs.GetAsync(job.Id))!;
        stored.State.Should().Be(JobState.Running);
        stored.Attempt.Should().Be(2);
        stored.Worker.Should().Be("b");
        stored.ProgressValue.Should().Be(6);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CancelEndsAQueuedJobAtOnceAndFlagsARunningOne(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var jobs = new JobRepository(db.Connections);
        var queued = await jobs.InsertAsync(Guid.NewGuid(), "k", "{}", "", null, null);
        var running = await jobs.InsertAsync(Guid.NewGuid(), "k", "{}", "", null, null);
        await jobs.TryStartRunAsync(running.Id, Guid.NewGuid(), 1, "w", "cpu", T0);

        (await jobs.RequestCancelAsync(queued.Id)).Should().Be(JobState.Canceled);
        (await jobs.RequestCancelAsync(running.Id)).Should().Be(JobState.Running);
        (await jobs.RequestCancelAsync(Guid.NewGuid())).Should().BeNull();
        (await jobs.GetAsync(running.Id))!.CancelRequested.Should().BeTrue();
        (await jobs.GetAsync(queued.Id))!.FinishedAt.Should().NotBeNull();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OnlyFinishedUnsuccessfullyOrStalledJobsCanBeRequeued(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var jobs = new JobRepository(db.Connections);
        var job = await jobs.InsertAsync(Guid.NewGuid(), "k", "{}", "", null, null);
        var run = Guid.NewGuid();
        await jobs.TryStartRunAsync(job.Id, run, 1, "w", "cpu", T0);

        (await jobs.TryRequeueAsync(job.Id)).Should().BeFalse("it is running");
        await jobs.TryFinishAsync(job.Id, run, JobState.Failed, T0, "boom", null);
        (await jobs.TryRequeueAsync(job.Id)).Should().BeTrue();

        var stored = (await jobs.GetAsync(job.Id))!;
        stored.State.Should().Be(JobState.Queued);
        stored.Error.Should().BeNull();
        stored.FinishedAt.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SilentRunningJobsAreMarkedStalledAndRecoverOnTheNextBeat(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var jobs = new JobRepository(db.Connections);
        var silent = await jobs.InsertAsync(Guid.NewGuid(), "k", "{}", "", null, null);
        var alive = await jobs.InsertAsync(Guid.NewGuid(), "k", "{}", "", null, null);
        var run = Guid.NewGuid();
        await jobs.TryStartRunAsync(silent.Id, run, 1, "w", "cpu", T0);
        await jobs.TryStartRunAsync(alive.Id, Guid.NewGuid(), 1, "w", "cpu", T0.AddMinutes(5));

        var stalled = await jobs.MarkStalledAsync(T0.AddMinutes(1));
        stalled.Should().Equal(silent.Id);
        (await jobs.GetAsync(silent.Id))!.State.Should().Be(JobState.Stalled);

        await jobs.TouchAsync(silent.Id, run, T0.AddMinutes(6));
        (await jobs.GetAsync(silent.Id))!.State.Should().Be(JobState.Running);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListFiltersByKindAndStateAndPagesNewestFirst(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var jobs = new JobRepository(db.Connections);
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await jobs.InsertAsync(Guid.NewGuid(), i % 2 == 0 ? "even" : "odd", "{}", $"j{i}", null, null)).Id);
            await Task.Delay(2);
        }
        await jobs.RequestCancelAsync(ids[0]);

        var page = await jobs.ListAsync(new JobQuery { Kind = "even", Limit = 2, Offset = 0 });
        var next = await jobs.ListAsync(new JobQuery { Kind = "even", Limit = 2, Offset = 2 });
        var canceled = await jobs.ListAsync(new JobQuery { States = [JobState.Canceled] });

        page.Total.Should().Be(4);
        page.Items.Select(j => j.Name).Should().Equal("j6", "j4");
        next.Items.Select(j => j.Name).Should().Equal("j2", "j0");
        canceled.Items.Select(j => j.Id).Should().Equal(ids[0]);
    }
}
