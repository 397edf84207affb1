using Google.Rpc;
using Platform.Lab.Api.Tests.Infrastructure;

namespace Platform.Lab.Api.Tests;

[Collection(LabApiCollection.Name)]
public sealed class JobApiTests(LabApiServer server)
{
    private readonly JobServiceClient jobs = server.Jobs;

    [Fact]
    public async Task ASubmittedJobIsWatchedFromItsSnapshotToItsResult()
    {
        var submitted = await jobs.SubmitJob(new SubmitJobRequest { Kind = "system.selftest", SpecJson = """{"steps":5,"stepMilliseconds":40}""", Name = "watched" });

        var updates = await jobs.WatchToEndAsync(submitted.JobId);

        submitted.Job.State.Should().Be(JobState.Queued);
        submitted.Job.SpecJson.Should().Contain("\"steps\":5");
        updates.Should().HaveCountGreaterThan(2);
        updates[0].UpdateCase.Should().Be(WatchJobResponse.UpdateOneofCase.Progress);
        updates.Take(updates.Count - 1).Should().OnlyContain(u => u.UpdateCase == WatchJobResponse.UpdateOneofCase.Progress);
        var progress = updates.Take(updates.Count - 1).Select(u => u.Progress.ProgressValue).ToList();
        progress.Should().BeInAscendingOrder();
        progress.Should().Contain(v => v > 0 && v < 5, "progress arrives while the job runs, not only at its end");
        var result = updates[^1].Result.Job;
        result.State.Should().Be(JobState.Succeeded, result.Error);
        result.ProgressValue.Should().Be(5);
        result.ResultJson.Should().Contain("\"steps\":5");
        result.Name.Should().Be("watched");
    }

    [Fact]
    public async Task ListJobsPagesThroughEveryMatchingJobExactlyOnce()
    {
        var project = (await new ProjectServiceClient(server.Channel).CreateProject(new CreateProjectRequest { Name = "paging-" + Guid.NewGuid().ToString("N")[..8] })).Project;
        var submitted = new List<string>();
        for (var i = 0; i < 5; i++)
            submitted.Add(await jobs.SubmitSelfTestAsync("""{"steps":1,"stepMilliseconds":0}""", project.Id));

        var seen = new List<string>();
        var pages = 0;
        var token = "";
        do
        {
            var page = await jobs.ListJobs(new ListJobsRequest { ProjectId = project.Id, PageSize = 2, PageToken = token });
            page.TotalSize.Should().Be(5);
            seen.AddRange(page.Jobs.Select(j => j.Id));
            token = page.NextPageToken;
            pages++;
        }
        while (token != "");

        pages.Should().Be(3);
        seen.Should().BeEquivalentTo(submitted).And.OnlyHaveUniqueItems();
        var bySelfTestKind = await jobs.ListJobs(new ListJobsRequest { ProjectId = project.Id, Kind = "no.such.kind" });
        bySelfTestKind.Jobs.Should().BeEmpty();
        foreach (var id in submitted)
            await jobs.WatchToEndAsync(id);
        var succeeded = await jobs.ListJobs(new ListJobsRequest { ProjectId = project.Id, States = { JobState.Succeeded } });
        succeeded.Jobs.Select(j => j.Id).Should().BeEquivalentTo(submitted);
    }

    [Fact]
    public async Task CancelStopsARunningJobAndRetryResumesItToSuccess()
    {
        var id = await jobs.SubmitSelfTestAsync("""{"steps":30,"stepMilliseconds":30,"checkpointEvery":1}""");
        await jobs.WatchUntilAsync(id, s => s.ProgressValue >= 3);

        var retryWhileRunning = () => jobs.RetryJob(new RetryJobRequest { JobId = id });
        (await retryWhileRunning.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.FailedPrecondition);
        await jobs.CancelJob(new CancelJobRequest { JobId = id });
        var canceled = (await jobs.WatchToEndAsync(id))[^1].Result.Job;
        canceled.State.Should().Be(JobState.Canceled);
        canceled.ProgressValue.Should().BeLessThan(30);

        var retried = await jobs.RetryJob(new RetryJobRequest { JobId = id });
        var finished = (await jobs.WatchToEndAsync(id))[^1].Result.Job;

        retried.Job.State.Should().Be(JobState.Queued);
        finished.State.Should().Be(JobState.Succeeded, finished.Error);
        finished.Attempt.Should().Be(2);
        finished.ResultJson.Should().NotContain("\"resumedFrom\":0", "the retry resumes from the last checkpoint");
    }

    [Fact]
    public async Task AnInvalidSpecIsInvalidArgumentNamingEachField()
    {
        var submit = () => jobs.SubmitJob(new SubmitJobRequest { Kind = "system.selftest", SpecJson = """{"steps":0,"stepMilliseconds":-1}""" });

        var error = (await submit.Should().ThrowAsync<RpcException>()).Which;

        error.StatusCode.Should().Be(StatusCode.InvalidArgument);
        error.Status.Detail.Should().Contain("steps must be between 1 and 1000000 (got 0)");
        var violations = error.GetDetail<BadRequest>()!.FieldViolations;
        violations.Select(v => v.Field).Should().Equal("spec_json.steps", "spec_json.stepMilliseconds");
        violations[0].Description.Should().Be("steps must be between 1 and 1000000 (got 0)");
    }

    [Fact]
    public async Task AnUnknownKindOrFieldIsInvalidArgumentSayingWhatIsKnown()
    {
        var unknownKind = () => jobs.SubmitJob(new SubmitJobRequest { Kind = "no.such.kind" });
        var unknownField = () => jobs.SubmitJob(new SubmitJobRequest { Kind = "system.selftest", SpecJson = """{"stepz":3}""" });

        var kindError = (await unknownKind.Should().ThrowAsync<RpcException>()).Which;
        var fieldError = (await unknownField.Should().ThrowAsync<RpcException>()).Which;

        kindError.StatusCode.Should().Be(StatusCode.InvalidArgument);
        kindError.GetDetail<BadRequest>()!.FieldViolations.Single().Field.Should().Be("kind");
        kindError.Status.Detail.Should().Contain("known kinds: ").And.Contain("system.selftest");
        fieldError.StatusCode.Should().Be(StatusCode.InvalidArgument);
        fieldError.GetDetail<BadRequest>()!.FieldViolations.Single().Description.Should().Contain("unknown field").And.Contain("steps");
    }

    [Fact]
    public async Task UnknownIdsAreNotFoundAndMalformedIdsInvalidArgument()
    {
        var missing = Guid.NewGuid().ToString();

        var get = () => jobs.GetJob(new GetJobRequest { JobId = missing });
        var cancel = () => jobs.CancelJob(new CancelJobRequest { JobId = missing });
        var watch = () => jobs.WatchToEndAsync(missing);
        var malformed = () => jobs.GetJob(new GetJobRequest { JobId = "job-1" });

        (await get.Should().ThrowAsync<RpcException>()).Which.Status.Should().Be(new Platform.Rpc.Status(StatusCode.NotFound, $"job {missing} does not exist; list jobs with ListJobs"));
        (await cancel.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.NotFound);
        (await watch.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.NotFound);
        var bad = (await malformed.Should().ThrowAsync<RpcException>()).Which;
        bad.StatusCode.Should().Be(StatusCode.InvalidArgument);
        bad.GetDetail<BadRequest>()!.FieldViolations.Single().Field.Should().Be("job_id");
    }

    [Fact]
    public async Task JobKindsListTheirSpecFieldsAndDefaults()
    {
        var kinds = await jobs.ListJobKinds(new ListJobKindsRequest());

        var selfTest = kinds.Kinds.Single(k => k.Kind == "system.selftest");
        selfTest.SpecFields.Should().Contain(["steps", "stepMilliseconds", "checkpointEvery", "failAtStep"]);
        selfTest.DefaultSpecJson.Should().Contain("\"steps\":10");
    }

    [Fact]
    public async Task MetricsOfAFinishedJobAreListedAndSummarized()
    {
        var id = await jobs.SubmitSelfTestAsync("""{"steps":4,"stepMilliseconds":0}""");
        await jobs.WatchToEndAsync(id);
        var metrics = new MetricServiceClient(server.Channel);

        var listed = await metrics.ListMetrics(new ListMetricsRequest { JobId = id, Key = "value" });
        var summary = await metrics.SummarizeMetrics(new SummarizeMetricsRequest { JobIds = { id } });

        listed.Metrics.Select(m => (m.Step, m.Value)).Should().Equal((1L, 1.0), (2L, 4.0), (3L, 9.0), (4L, 16.0));
        var value = summary.Summaries.Single(s => s.Key == "value");
        (value.Last, value.Min, value.Max, value.Count, value.LastStep).Should().Be((16.0, 1.0, 16.0, 4L, 4L));
    }
}
