using Platform.Lab.Api.Tests.Infrastructure;

namespace Platform.Lab.Api.Tests;

/// <summary>RPCs the dashboard uses: ListWorkers, and ListJobs with an offset.</summary>
[Collection(LabApiCollection.Name)]
public sealed class LiveViewApiTests(LabApiServer server)
{
    private readonly JobServiceClient jobs = server.Jobs;

    [Fact]
    public async Task ListWorkersShowsTheInProcessWorkerFromItsHeartbeats()
    {
        var workers = new WorkerServiceClient(server.Channel);
        var found = await Eventually(async () => (await workers.ListWorkers(new ListWorkersRequest())).Workers.ToList(), w => w.Count > 0);
        found[0].Device.Should().Be("cpu");
        found[0].Kinds.Should().Contain("system.selftest");
        found[0].LastSeenTime.ToDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ListJobsJumpsToAnOffsetAndRefusesOneTogetherWithAToken()
    {
        var project = (await new ProjectServiceClient(server.Channel).CreateProject(new CreateProjectRequest { Name = "offset-" + Guid.NewGuid().ToString("N")[..8] })).Project;
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
            ids.Add(await jobs.SubmitSelfTestAsync("""{"steps":1,"stepMilliseconds":0}""", project.Id));

        var page = await jobs.ListJobs(new ListJobsRequest { ProjectId = project.Id, PageSize = 2, Offset = 2 });
        page.TotalSize.Should().Be(4);
        // Newest first: offset 2 holds the two oldest.
        page.Jobs.Select(j => j.Id).Should().BeEquivalentTo(ids.Take(2));
        var token = (await jobs.ListJobs(new ListJobsRequest { ProjectId = project.Id, PageSize = 1 })).NextPageToken;
        var refused = await FluentActions.Awaiting(() => jobs.ListJobs(new ListJobsRequest { ProjectId = project.Id, Offset = 1, PageToken = token }))
            .Should().ThrowAsync<RpcException>();
        refused.Which.StatusCode.Should().Be(StatusCode.InvalidArgument);
        refused.Which.Status.Detail.Should().Contain("offset");
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
                return value;
            await Task.Delay(200);
        }
    }
}
