using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Curvature;
using Platform.Lab.Workflows;
using Platform.Messaging.Jobs;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;
using Platform.TestSupport;
using Platform.Training;
using Xunit.Abstractions;

namespace Platform.Curvature.Tests.Jobs;

/// <summary>
/// A tiny membership-inference audit on real Fashion-MNIST through the embedded platform: Lab's workflow trains a
/// shadow set with a target, scores every model, and runs the attack job, whose report must show the target's
/// training samples apart from its held-out ones.
/// </summary>
[Collection("torch")]
public sealed class AuditWorkflowTests(ITestOutputHelper output) : IAsyncLifetime
{
    // 8 shadows + 1 target MLPs, each overfitting ~130 of the 300 pool images.
    private const string TinyAudit = """
        {"train": {"model": "mlp", "epochs": 12, "batchSize": 32, "threads": 2, "recordTrajectories": false, "testSamples": 200,
                   "optimizer": {"name": "adam", "lr": 0.002, "weightDecay": 0}},
         "shadows": 8, "poolSize": 300, "estimators": ["zo_mixed_abs"], "directions": 2, "seed": 3}
        """;

    private readonly TempDirectory root = new();
    private LabHost lab = null!;

    public async Task InitializeAsync() => lab = await LabHost.StartAsync(root.Path, b =>
    {
        b.AddTraining();
        b.AddCurvature();
    });

    public async Task DisposeAsync()
    {
        await lab.DisposeAsync();
        root.Dispose();
    }

    [Fact]
    public async Task ATinyAuditRunsEndToEndAndItsAttacksSeparateTheTargetsMembers()
    {
        var job = await lab.Jobs.SubmitAsync(CurvatureJobKinds.Audit, TinyAudit);
        var done = await lab.WaitForAsync(job.Id, j => j.State.IsTerminal(), "the audit to finish", seconds: 300);

        done.State.Should().Be(JobState.Succeeded, done.Error);
        (done.ProgressValue, done.ProgressLimit).Should().Be((3, 3));
        var children = await lab.Services.GetRequiredService<WorkflowRepository>().ListChildrenAsync(job.Id);
        children.Select(c => c.Step).Should().Equal([1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3], "one shadow set, one scoring job per model, one attack job");
        var summary = JsonNode.Parse(done.Result!)!;
        var attackJob = Guid.Parse(summary["attackJob"]!.GetValue<string>());
        var target = summary["targets"]![0]!;
        target["model"]!.GetValue<string>().Should().EndWith("-shadow-8", "the last model of the set is the target");
        target["trainAccuracy"]!.GetValue<double>().Should().BeGreaterThan(target["testAccuracy"]!.GetValue<double>(), "the target overfits");

        var report = JsonNode.Parse(await ReadArtifact(attackJob, "report.json"))!;
        var attacks = report["attacks"]!.AsArray().ToDictionary(a => a!["attack"]!.GetValue<string>(), a => a!);
        attacks.Keys.Should().Contain(["loss", "calibrated_loss", "entropy", "lira_online", "lira_online_fixed", "lira_offline",
            "lira_offline_fixed", "rmia_offline", "curv_nll/zo_mixed_abs/corrected", "curv_nll/zo_mixed_abs/faithful",
            "curv_lr/zo_mixed_abs/corrected", "curv_lr/zo_mixed_abs/faithful"]);
        foreach (var (name, a) in attacks)
            output.WriteLine($"{name}: AUROC {a["auroc"]!.GetValue<double>():F3}, TPR@1%FPR {a["tprAt1PercentFpr"]!.GetValue<double>():F3}");
        Auroc(attacks["lira_online_fixed"]).Should().BeGreaterThan(0.6, "an overfit target's members have higher logit-scaled confidence");
        Auroc(attacks["calibrated_loss"]).Should().BeGreaterThan(0.6);
        Auroc(attacks["loss"]).Should().BeGreaterThan(0.5);

        var samples = Csv(await ReadArtifact(attackJob, "samples.csv"));
        samples.Should().HaveCount(300);
        var members = samples.Where(r => r["member"] == "1").ToList();
        var nonMembers = samples.Where(r => r["member"] == "0").ToList();
        members.Count.Should().Be(report["members"]![0]!.GetValue<int>());
        members.Average(r => Number(r["loss"])).Should().BeLessThan(nonMembers.Average(r => Number(r["loss"])), "the target fits its training samples");
        var histogram = report["histograms"]!["lira_online_fixed"]!;
        histogram["members"]!.AsArray().Sum(n => n!.GetValue<int>()).Should().Be(members.Count);
        histogram["nonMembers"]!.AsArray().Sum(n => n!.GetValue<int>()).Should().Be(nonMembers.Count);
        report["meanCurvature"]!["zo_mixed_abs"]!["members"]!.GetValue<double>().Should().BeGreaterThan(0);

        var roc = Csv(await ReadArtifact(attackJob, "roc.csv")).Where(r => r["attack"] == "lira_online_fixed").ToList();
        (Number(roc[0]["fpr"]), Number(roc[0]["tpr"])).Should().Be((0, 0));
        (Number(roc[^1]["fpr"]), Number(roc[^1]["tpr"])).Should().Be((1, 1));
        (await ReadArtifact(attackJob, "report.md")).Should().Contain("| lira_online_fixed |");
        var metric = await lab.Services.GetRequiredService<MetricRepository>().ListAsync(attackJob, "auroc/lira_online_fixed");
        metric.Single().Value.Should().BeApproximately(Auroc(attacks["lira_online_fixed"]), 1e-12);
    }

    [Fact]
    public async Task BadAuditAndAttackSpecsAreRefusedWithWhatToFix()
    {
        var fewShadows = () => lab.Jobs.SubmitAsync(CurvatureJobKinds.Audit, """{"shadows": 2}""");
        var badAttack = () => lab.Jobs.SubmitAsync(CurvatureJobKinds.Audit, """{"attacks": ["lira", "loss"]}""");
        var noEstimator = () => lab.Jobs.SubmitAsync(CurvatureJobKinds.Audit, """{"estimators": [], "attacks": ["curv_lr"]}""");
        var badHash = () => lab.Jobs.SubmitAsync(CurvatureJobKinds.Attack, """{"masks": "abc", "scores": [], "targets": [0]}""");

        (await fewShadows.Should().ThrowAsync<JobSpecException>()).WithMessage("*shadows must be between 4 and 1024*");
        (await badAttack.Should().ThrowAsync<JobSpecException>()).WithMessage("*attack 'lira' is unknown*");
        (await noEstimator.Should().ThrowAsync<JobSpecException>()).WithMessage("*curvature attacks need at least one estimator*");
        (await badHash.Should().ThrowAsync<JobSpecException>()).WithMessage("*masks must be the sha256*");
        (await lab.JobRows.ListAsync(new JobQuery())).Total.Should().Be(0, "nothing is written for a refused spec");
    }

    [Fact]
    public async Task AnAuditWhoseChildIsRefusedFailsWithTheChildsMessage()
    {
        var audit = JsonSerializer.Deserialize<AuditSpec>(TinyAudit, JobSpecJson.Options)! with { PoolSize = 70_000 };
        var job = await lab.Jobs.SubmitAsync(CurvatureJobKinds.Audit, JsonSerializer.Serialize(audit, JobSpecJson.Options));

        var done = await lab.WaitForAsync(job.Id, j => j.State.IsTerminal(), "the audit to fail", seconds: 120);

        done.State.Should().Be(JobState.Failed);
        done.Error.Should().Contain("step 1 of 3").And.Contain("poolSize 70000 is larger than the 60000 training samples");
    }

    private static double Auroc(JsonNode attack) => attack["auroc"]!.GetValue<double>();

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private async Task<string> ReadArtifact(Guid jobId, string name)
    {
        var artifact = (await lab.Services.GetRequiredService<ArtifactRepository>().ListByJobAsync(jobId)).Single(a => a.Name == name);
        return await File.ReadAllTextAsync(Path.Combine(root.Path, artifact.StoragePath));
    }

    private static List<Dictionary<string, string>> Csv(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
