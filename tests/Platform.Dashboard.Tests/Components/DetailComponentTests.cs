using Platform.Common.V1;
using Platform.Dashboard.Components.Charts;
using Platform.Dashboard.Components.Jobs;
using Platform.Dashboard.Model;

namespace Platform.Dashboard.Tests.Components;

public sealed class DetailComponentTests
{
    [Fact]
    public async Task SpecTableShowsNestedParametersAsPaths()
    {
        var html = await ComponentRenderer.RenderAsync<SpecTable>(new Dictionary<string, object?>
        {
            ["SpecJson"] = """{"model":"mlp","optimizer":{"name":"adam","lr":0.002},"subset":{"size":512}}""",
        });
        html.Should().Contain("<tr data-param=\"model\"><td>model</td><td>mlp</td></tr>");
        html.Should().Contain("<tr data-param=\"optimizer.lr\"><td>optimizer.lr</td><td>0.002</td></tr>");
        html.Should().Contain("<tr data-param=\"subset.size\"><td>subset.size</td><td>512</td></tr>");
    }

    [Fact]
    public async Task ArtifactTableLinksEachFileToItsDownload()
    {
        var artifact = new Artifact { Id = "0f0f", Name = "model/weights.safetensors", Kind = "model", MediaType = "application/octet-stream", Size = 2048, Sha256 = new string('a', 64) };
        var html = await ComponentRenderer.RenderAsync<ArtifactTable>(new Dictionary<string, object?> { ["Artifacts"] = new List<Artifact> { artifact } });
        html.Should().Contain("href=\"artifacts/0f0f/download\"");
        html.Should().Contain("download=\"weights.safetensors\"");
        html.Should().Contain("2.0 KiB");
    }

    [Fact]
    public async Task MetricChartCountsItsPoints()
    {
        var chart = MetricCharts.From(
        [
            new Metric { Key = "train_loss", Step = 0, Value = 1.0 }, new Metric { Key = "train_loss", Step = 1, Value = 0.5 },
            new Metric { Key = "test_loss", Step = 0, Value = 1.2 },
        ]).Single();
        var html = await ComponentRenderer.RenderAsync<MetricChart>(new Dictionary<string, object?> { ["Model"] = chart });
        html.Should().Contain("data-chart=\"Loss\"").And.Contain("data-points=\"3\"").And.Contain("rz-chart");
    }

    [Fact]
    public async Task WorkersTableShowsDeviceMemoryAndCurrentJob()
    {
        var worker = new Worker
        {
            Id = "host-1-cuda0", Host = "host-1", ProcessId = 42, Device = "cuda:0", DeviceMemoryUsed = 3L * 1024 * 1024 * 1024,
            CurrentJobId = "abcdef12-0000-0000-0000-000000000000",
            LastSeenTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.Parse("2026-01-01T00:00:00Z")),
        };
        worker.Kinds.Add("train");
        var html = await ComponentRenderer.RenderAsync<WorkersTable>(new Dictionary<string, object?>
        {
            ["Workers"] = new List<Worker> { worker },
            ["Now"] = DateTimeOffset.Parse("2026-01-01T00:00:04Z"),
        });
        html.Should().Contain("cuda:0").And.Contain("3.00 GiB").And.Contain("href=\"jobs/abcdef12-0000-0000-0000-000000000000\"").And.Contain("4s ago");
    }
}
