using System.Text.Json;
using Platform.Messaging.Jobs;
using Platform.Persistence.Records;
using Platform.TestSupport;
using Platform.Training;

namespace Platform.Curvature.Tests.Jobs;

/// <summary>The embedded platform (Lab, training and curvature workers in this process) for job tests on real data.</summary>
public abstract class EmbeddedJobTest : IAsyncLifetime
{
    protected TempDirectory Root { get; } = new();

    protected LabHost Lab { get; private set; } = null!;

    public async Task InitializeAsync() => Lab = await LabHost.StartAsync(Root.Path, b =>
    {
        b.AddTraining();
        b.AddCurvature();
    });

    public async Task DisposeAsync()
    {
        await Lab.DisposeAsync();
        Root.Dispose();
    }

    protected Task<JobRecord> Submit<T>(string kind, T spec) => Lab.Jobs.SubmitAsync(kind, JsonSerializer.Serialize(spec, JobSpecJson.Options));

    protected Task<JobRecord> Wait(Guid id) => Lab.WaitForAsync(id, j => j.State.IsTerminal(), "the job to finish", seconds: 600);
}
