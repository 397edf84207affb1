using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Jobs;
using Platform.Lab.Workflows;
using Platform.Messaging;
using Platform.Messaging.Jobs;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;
using Platform.TestSupport;

namespace Platform.Lab.Tests.Workflows;

/// <summary>
/// The workflow engine's behaviour, run by <see cref="SqliteWorkflowEngineTests"/> and <see cref="PostgresWorkflowEngineTests"/>
/// against a real database, with real self-test workers as the children.
/// </summary>
public abstract class WorkflowEngineScenarios : IAsyncLifetime
{
    private readonly TempDirectory root = new();

    protected abstract Task<IDictionary<string, string?>> DatabaseSettingsAsync();

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await DropDatabaseAsync();
        root.Dispose();
    }

    private IDictionary<string, string?>? settings;

    private async Task<LabHost> StartAsync()
    {
        settings ??= await DatabaseSettingsAsync();
        return await LabHost.StartAsync(root.Path, b =>
        {
            b.Services.AddSelfTestWorker(b.Configuration);
            b.Services.AddWorkflow<CountingWorkflow, CountingWorkflowSpec>(CountingWorkflow.KindName);
        }, settings);
    }

    private static async Task<List<JobRecord>> ChildrenAsync(LabHost lab, Guid workflowId)
    {
        var records = await lab.Services.GetRequiredService<WorkflowRepository>().ListChildrenAsync(workflowId);
        var children = new List<JobRecord>();
        foreach (var r in records)
        {
            // A slot is recorded a moment before its job row is written.
            if (await lab.JobRows.GetAsync(r.ChildId) is { } child)
                children.Add(child);
        }
        return children;
    }

    private static async Task<long> SelfTestJobCountAsync(LabHost lab) =>
        (await lab.JobRows.ListAsync(new JobQuery { Kind = JobKinds.SelfTest, Limit = 1000 })).Total;

    protected async Task AdvancesStepByStepAndSucceeds()
    {
        await using var lab = await StartAsync();
        var job = await lab.Jobs.SubmitAsync(CountingWorkflow.KindName, """{"children": [2, 1]}""");

        var done = await lab.WaitForAsync(job.Id, j => j.State.IsTerminal(), "the workflow to finish", 60);

        done.State.Should().Be(JobState.Succeeded, done.Error);
        done.Result.Should().Be("""{"first":2,"second":1}""");
        done.ProgressValue.Should().Be(2);
        done.ProgressLimit.Should().Be(2);
        var children = await ChildrenAsync(lab, job.Id);
        children.Should().HaveCount(3).And.OnlyContain(c => c.State == JobState.Succeeded);
        var second = children[2];
        second.Name.Should().Be("step 2 child 0 (after 2)");
        second.CreatedAt.Should().BeOnOrAfter(children.Take(2).Max(c => c.FinishedAt!.Value), "step 2 starts when step 1 is done");
    }

    protected async Task DuplicatedEventsAndSignalsSubmitEachChildOnce()
    {
        await using var lab = await StartAsync();
        var sink = lab.Services.GetRequiredService<IJobEventSink>();
        var signals = lab.Services.GetRequiredService<WorkflowSignals>();
        var job = await lab.Jobs.SubmitAsync(CountingWorkflow.KindName, """{"children": [3, 2], "childSteps": 3}""");
        var first = (await Eventually.WaitAsync(() => ChildrenAsync(lab, job.Id),
            c => c.Count >= 3 && c.Take(3).All(x => x.State == JobState.Succeeded), TimeSpan.FromSeconds(60), "step 1 to succeed")).Take(3).ToList();

        // Replay every step-1 child's success, and poke the engine, many times while step 2 runs.
        for (var i = 0; i < 10; i++)
        {
            foreach (var c in first)
                await sink.OnJobEventsAsync([new JobSucceeded(c.Id, c.RunId!.Value, c.LastSequence + 1, DateTimeOffset.UtcNow, c.Result)], default);
            signals.Notify(job.Id);
        }
        var done = await lab.WaitForAsync(job.Id, j => j.State.IsTerminal(), "the workflow to finish", 60);
        for (var i = 0; i < 5; i++)
            signals.Notify(job.Id);
        await Task.Delay(300);

        done.State.Should().Be(JobState.Succeeded, done.Error);
        (await ChildrenAsync(lab, job.Id)).Should().HaveCount(5);
        (await SelfTestJobCountAsync(lab)).Should().Be(5, "no child was submitted twice");
        (await lab.JobRows.GetAsync(job.Id))!.State.Should().Be(JobState.Succeeded);
    }

    protected async Task AFailedChildFailsTheWorkflowWithItsMessage()
    {
        await using var lab = await StartAsync();
        var job = await lab.Jobs.SubmitAsync(CountingWorkflow.KindName, """{"children": [2, 2], "failStep": 1, "childSteps": 30, "stepMilliseconds": 30}""");

        var done = await lab.WaitForAsync(job.Id, j => j.State.IsTerminal(), "the workflow to fail", 60);

        done.State.Should().Be(JobState.Failed);
        done.Error.Should().Contain("step 1 of 2 (first)").And.Contain("self-test failed at step 2 as its spec asked");
        var children = await Eventually.WaitAsync(() => ChildrenAsync(lab, job.Id), c => c.All(x => x.State.IsTerminal()),
            TimeSpan.FromSeconds(30), "the other child to be canceled");
        children.Should().HaveCount(2, "step 2 never starts");
        children.Select(c => c.State).Should().BeEquivalentTo([JobState.Failed, JobState.Canceled]);
    }

    protected async Task CancelingTheWorkflowCancelsItsChildren()
    {
        await using var lab = await StartAsync();
        var job = await lab.Jobs.SubmitAsync(CountingWorkflow.KindName, """{"children": [2, 1], "childSteps": 400, "stepMilliseconds": 25}""");
        await Eventually.WaitAsync(() => ChildrenAsync(lab, job.Id), c => c.Any(x => x.State == JobState.Running),
            TimeSpan.FromSeconds(30), "a child to run");

        await lab.Jobs.CancelAsync(job.Id);

        var done = await lab.WaitForAsync(job.Id, j => j.State.IsTerminal(), "the workflow to end", 30);
        done.State.Should().Be(JobState.Canceled);
        var children = await Eventually.WaitAsync(() => ChildrenAsync(lab, job.Id), c => c.All(x => x.State.IsTerminal()),
            TimeSpan.FromSeconds(30), "the children to end");
        children.Should().HaveCount(2).And.OnlyContain(c => c.State == JobState.Canceled);
    }

    protected async Task ARestartedLabContinuesTheWorkflow()
    {
        Guid jobId;
        await using (var first = await StartAsync())
        {
            jobId = (await first.Jobs.SubmitAsync(CountingWorkflow.KindName, """{"children": [1, 2], "childSteps": 40, "stepMilliseconds": 25}""")).Id;
            await Eventually.WaitAsync(() => ChildrenAsync(first, jobId), c => c.Count == 1 && c[0].ProgressValue >= 10,
                TimeSpan.FromSeconds(30), "the step-1 child to pass a checkpoint");
        }

        await using var second = await StartAsync();
        var done = await second.WaitForAsync(jobId, j => j.State.IsTerminal(), "the continued workflow to finish", 60);

        done.State.Should().Be(JobState.Succeeded, done.Error);
        done.Result.Should().Be("""{"first":1,"second":2}""");
        var children = await ChildrenAsync(second, jobId);
        children.Should().HaveCount(3).And.OnlyContain(c => c.State == JobState.Succeeded);
        children[0].Attempt.Should().Be(2, "the interrupted child resumed after the restart");
        (await SelfTestJobCountAsync(second)).Should().Be(3);
    }
}
