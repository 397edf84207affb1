using System.Text.Json;
using Platform.Dashboard.Endpoints;
using Platform.Dashboard.Model;

namespace Platform.Dashboard.Tests.Components;

public sealed class ModelTests
{
    [Fact]
    public void MetricChartsGroupLossAccuracyLearningRateAndEpsilon()
    {
        string[] keys = ["train_loss", "test_loss", "train_accuracy", "test_accuracy", "lr", "epsilon", "images_per_second"];
        var charts = MetricCharts.From(keys.Select((k, i) => new Metric { Key = k, Step = 0, Value = i }));
        charts.Select(c => c.Title).Should().Equal("Loss", "Accuracy", "Learning rate", "ε (DP)", "images_per_second");
        charts[0].Series.Select(s => s.Key).Should().Equal("test_loss", "train_loss");
    }

    [Fact]
    public void TrainFormWithBadValuesListsWhatToFix()
    {
        var form = new TrainForm { Epochs = 0, Lr = -1, Model = "mlp" };
        form.Problems().Should().Contain("epochs must be between 1 and 10000 (got 0)")
            .And.Contain(p => p.StartsWith("optimizer.lr must be in (0, 10]"));
    }

    [Fact]
    public void TrainFormWritesTheSpecLabTakes()
    {
        var form = new TrainForm { Model = "mlp", Epochs = 2, SubsetSize = 512, TestSamples = 128, Lr = 0.01, RecordTrajectories = false };
        form.Problems().Should().BeEmpty();
        using var json = JsonDocument.Parse(form.ToJson());
        json.RootElement.GetProperty("model").GetString().Should().Be("mlp");
        json.RootElement.GetProperty("subset").GetProperty("size").GetInt32().Should().Be(512);
        json.RootElement.GetProperty("optimizer").GetProperty("lr").GetDouble().Should().Be(0.01);
        json.RootElement.TryGetProperty("privacy", out _).Should().BeFalse("nulls are left out");
    }

    [Fact]
    public void EtaIsElapsedTimesWorkLeftOverWorkDone()
    {
        var now = DateTimeOffset.Parse("2026-01-02T03:10:00Z");
        var job = JobFactory.Make("aaaaaaaa-0000-0000-0000-000000000001", JobState.Running, 40, 100, started: now.AddSeconds(-20));
        JobText.Eta(job, now).Should().Be(TimeSpan.FromSeconds(30));
        JobText.Eta(JobFactory.Make("aaaaaaaa-0000-0000-0000-000000000001", JobState.Queued, 0, 100), now).Should().BeNull();
    }

    [Fact]
    public void HistogramCountsEachGroupOverSharedBins()
    {
        var h = Histogram.Of(2, ("members", [0.0, 0.1, 0.2]), ("non-members", [0.9, 1.0, double.NaN]));
        h.Centers.Should().Equal(0.25, 0.75);
        h.Groups[0].Bins.Select(b => b.Value).Should().Equal(3, 0);
        h.Groups[1].Bins.Select(b => b.Value).Should().Equal(0, 2);
    }

    [Fact]
    public void CsvRowQuotesCellsWithCommasAndQuotes()
    {
        var job = JobFactory.Make("aaaaaaaa-0000-0000-0000-000000000001", JobState.Succeeded);
        var row = JobsCsv.Row(job, [new MetricSummary { Key = "test_accuracy", Last = 0.8, Min = 0.5, Max = 0.8 }]);
        row.Should().StartWith("aaaaaaaa-0000-0000-0000-000000000001,job-aaaa,train,succeeded,");
        row.Should().Contain("test_accuracy=0.8 [0.5..0.8]");
        row.Should().EndWith("\"{\"\"model\"\":\"\"mlp\"\",\"\"epochs\"\":2,\"\"optimizer\"\":{\"\"name\"\":\"\"sgd\"\",\"\"lr\"\":0.05}}\"");
    }

    [Fact]
    public void BlazorScriptIsExtractedFromTheEmbeddedRuntimeAssembly()
    {
        var script = System.Text.Encoding.UTF8.GetString(BlazorScript.Extract());
        script.Length.Should().BeGreaterThan(100_000);
        script.Should().Contain("Blazor");
    }
}
