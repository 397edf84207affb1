using FluentAssertions;
using Platform.Contracts.Jobs;
using Platform.Contracts.Workers;
using Platform.Persistence.Connections;
using Platform.Persistence.Repositories;

namespace Platform.Persistence.Tests;

public sealed class RecordRepositoryTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RepeatedMetricPointsOverwriteAndSummariesSeeTheLastValue(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var job = await new JobRepository(db.Connections).InsertAsync(Guid.NewGuid(), "k", "{}", "", null, null);
        var metrics = new MetricRepository(db.Connections);

        await metrics.UpsertAsync(job.Id, [new("loss", 1, 2.0, T0), new("loss", 2, 1.5, T0), new("acc", 1, 0.5, T0)]);
        await metrics.UpsertAsync(job.Id, [new("loss", 2, 1.0, T0), new("loss", 3, 1.2, T0)]);

        var loss = await metrics.ListAsync(job.Id, "loss");
        loss.Select(m => (m.Step, m.Value)).Should().Equal((1L, 2.0), (2L, 1.0), (3L, 1.2));
        var summary = (await metrics.SummarizeAsync([job.Id])).Single(s => s.Key == "loss");
        summary.Should().BeEquivalentTo(new { LastStep = 3L, Last = 1.2, Min = 1.0, Max = 2.0, Count = 3L });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StoringAnArtifactNameAgainReplacesTheRow(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var job = await new JobRepository(db.Connections).InsertAsync(Guid.NewGuid(), "k", "{}", "", null, null);
        var artifacts = new ArtifactRepository(db.Connections);

        var first = await artifacts.UpsertAsync(job.Id, "checkpoint", "checkpoint", "application/octet-stream", 10, new string('a', 64), "p1");
        var second = await artifacts.UpsertAsync(job.Id, "checkpoint", "checkpoint", "application/octet-stream", 20, new string('b', 64), "p2");
        await artifacts.UpsertAsync(job.Id, "report.txt", "output", "text/plain", 5, new string('c', 64), "p3");

        second.Id.Should().Be(first.Id);
        var rows = await artifacts.ListByJobAsync(job.Id);
        rows.Select(a => (a.Name, a.Size)).Should().Equal(("checkpoint", 20L), ("report.txt", 5L));
        (await artifacts.GetAsync(first.Id))!.Sha256.Should().Be(new string('b', 64));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegistryNamesGetIncreasingVersions(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var job = await new JobRepository(db.Connections).InsertAsync(Guid.NewGuid(), "k", "{}", "", null, null);
        var artifacts = new ArtifactRepository(db.Connections);
        var epoch1 = await artifacts.UpsertAsync(job.Id, "w1", "model", "application/x-safetensors", 1, new string('d', 64), "p");
        var epoch2 = await artifacts.UpsertAsync(job.Id, "w2", "model", "application/x-safetensors", 1, new string('e', 64), "q");
        var registry = new RegistryRepository(db.Connections);

        var v1 = await registry.RegisterModelAsync("lenet-fmnist", epoch1.Id, "lenet5", "{\"epoch\":1}", job.Id, null);
        var v2 = await registry.RegisterModelAsync("lenet-fmnist", epoch2.Id, "lenet5", "{\"epoch\":2}", job.Id, null);
        var again = await registry.RegisterModelAsync("lenet-fmnist", epoch2.Id, "lenet5", "{\"epoch\":2}", job.Id, null);
        var d1 = await registry.RegisterDatasetAsync("fmnist-sub", "2k subset", "builtin:fashion-mnist", null, "{\"size\":2000}", null);

        again.Should().Be(v2, "registering the same weights again (a duplicated event) adds no version");
        (v1.Version, v2.Version, d1.Version).Should().Be((1, 2, 1));
        (await registry.GetModelAsync("lenet-fmnist"))!.Card.Should().Be("{\"epoch\":2}");
        (await registry.GetModelAsync("lenet-fmnist", 1))!.Id.Should().Be(v1.Id);
        (await registry.ListModelsByJobAsync(job.Id)).Should().HaveCount(2);
        (await registry.GetDatasetAsync("fmnist-sub"))!.Source.Should().Be("builtin:fashion-mnist");
        (await registry.GetDatasetAsync("missing")).Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ProjectAndExperimentNamesAreUniqueWithAClearError(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var projects = new ProjectRepository(db.Connections);
        var p = await projects.CreateAsync("curvature", "MIA audits");
        await projects.CreateExperimentAsync(p.Id, "fmnist-overfit", "");

        var dupProject = () => projects.CreateAsync("curvature", "");
        var dupExperiment = () => projects.CreateExperimentAsync(p.Id, "fmnist-overfit", "");
        var orphan = () => projects.CreateExperimentAsync(Guid.NewGuid(), "x", "");

        await dupProject.Should().ThrowAsync<DuplicateNameException>().WithMessage("*named 'curvature' exists*");
        await dupExperiment.Should().ThrowAsync<DuplicateNameException>();
        await orphan.Should().ThrowAsync<KeyNotFoundException>();
        (await projects.FindAsync("curvature"))!.Description.Should().Be("MIA audits");
        (await projects.ListExperimentsAsync(p.Id)).Single().Name.Should().Be("fmnist-overfit");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HeartbeatsKeepTheNewestState(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var workers = new WorkerRepository(db.Connections);
        var job = Guid.NewGuid();

        await workers.RecordAsync(new WorkerHeartbeat("w1", "box", 42, "cuda:0", ["train"], job, Guid.NewGuid(), 1024, T0.AddSeconds(10)));
        await workers.RecordAsync(new WorkerHeartbeat("w1", "box", 42, "cuda:0", ["train"], null, null, null, T0.AddSeconds(5)));

        var row = (await workers.ListAsync(T0)).Single();
        row.CurrentJobId.Should().Be(job, "an older beat arriving late does not overwrite");
        row.DeviceMemoryUsed.Should().Be(1024);
        row.LastSeenAt.Should().Be(T0.AddSeconds(10));
        row.Kinds.Should().Be("train");
    }
}
