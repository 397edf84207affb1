using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Contracts.Training;
using Platform.Lab;
using Platform.Lab.Jobs;
using Platform.Messaging.Jobs;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;
using Platform.Rpc.Client;
using Platform.TestSupport;
using Platform.Training;

namespace Platform.Curvature.Tests.Api;

/// <summary>
/// Lab, Training and Curvature in this process serving gRPC on a real Kestrel port, composed as Platform.Host
/// composes them, with one small Fashion-MNIST model (<see cref="ModelName"/>) trained at start.
/// </summary>
public sealed class CurvatureApiServer : IAsyncLifetime
{
    public const string ModelName = "api-lenet";
    private readonly TempDirectory root = new();
    private WebApplication? app;

    public RpcChannel Channel { get; private set; } = null!;

    public V1.CurvatureServiceClient Curvature => new(Channel);

    public IServiceProvider Services => app!.Services;

    public string DataRoot => root.Path;

    /// <summary>sha256 of the trained model's weights.</summary>
    public string ModelSha256 { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:DataRoot"] = root.Path,
            ["Worker:HeartbeatSeconds"] = "0.5",
            ["Worker:ProgressIntervalMilliseconds"] = "50",
            ["Lab:StalledCheckSeconds"] = "0.5",
        });
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseRpcKestrel(o => o.Port = 0);
        builder.AddLab();
        builder.AddTraining();
        builder.AddCurvature();
        app = builder.Build();
        app.MapLab();
        app.MapCurvature();
        await app.StartAsync();
        Channel = RpcChannel.ForAddress(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

        var job = await Services.GetRequiredService<JobService>().SubmitAsync(TrainingJobKinds.Train, JsonSerializer.Serialize(new TrainSpec
        {
            Model = "lenet5", Epochs = 2, BatchSize = 50, Seed = 1, Threads = 2, TestSamples = 200, ModelName = ModelName,
            Subset = new SubsetSpec { Size = 300, Seed = 1 }, CheckpointEvery = 2, RecordTrajectories = false,
        }, JobSpecJson.Options));
        var done = await WaitAsync(job.Id);
        if (done.State != JobState.Succeeded)
            throw new InvalidOperationException($"training the test model failed: {done.Error}");
        var model = await Services.GetRequiredService<RegistryRepository>().GetModelAsync(ModelName);
        ModelSha256 = (await Services.GetRequiredService<ArtifactRepository>().GetAsync(model!.ArtifactId))!.Sha256;
    }

    public Task<JobRecord> WaitAsync(Guid id, double seconds = 300) =>
        Eventually.WaitAsync(async () => (await Services.GetRequiredService<JobRepository>().GetAsync(id))!, j => j.State.IsTerminal(),
            TimeSpan.FromSeconds(seconds), "the job to finish");

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (app is not null)
        {
            await app.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            await app.DisposeAsync();
        }
        root.Dispose();
    }
}
