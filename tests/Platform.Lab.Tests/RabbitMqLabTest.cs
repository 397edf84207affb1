using Microsoft.Extensions.DependencyInjection;
using Platform.Persistence.Repositories;
using Platform.TestSupport;

namespace Platform.Lab.Tests;

/// <summary>
/// Lab in the test process on a real RabbitMQ broker, workers as separate <c>Platform.Host</c> processes started on
/// demand. A queue prefix per test keeps tests from taking each other's jobs.
/// </summary>
public abstract class RabbitMqLabTest : IAsyncLifetime
{
    private readonly string prefix = "t" + Guid.NewGuid().ToString("N")[..8] + "-";
    private readonly List<WorkerProcess> workers = [];

    protected TempDirectory Root { get; } = new();

    protected LabHost Lab { get; private set; } = null!;

    /// <summary>How often the worker processes report progress.</summary>
    protected virtual int ProgressIntervalMilliseconds => 50;

    private static string Broker => TestEnvironment.Require(TestEnvironment.RabbitMq, "PLATFORM_TEST_RABBITMQ");

    public async Task InitializeAsync()
    {
        if (TestEnvironment.RabbitMq is null && !TestEnvironment.ServicesRequired)
            return;
        Lab = await LabHost.StartAsync(Root.Path, withWorker: false, new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "RabbitMQ",
            ["Messaging:RabbitMq:Uri"] = Broker,
            ["Messaging:QueuePrefix"] = prefix,
        });
    }

    public async Task DisposeAsync()
    {
        foreach (var w in workers)
            w.Dispose();
        if (Lab is not null)
            await Lab.DisposeAsync();
        Root.Dispose();
    }

    /// <summary>Starts a worker process with the given id and waits for its first heartbeat.</summary>
    protected async Task<WorkerProcess> StartWorkerAsync(string id)
    {
        var worker = WorkerProcess.Start(
            "--Platform:Roles=worker", "--Messaging:Transport=RabbitMQ", $"--Messaging:RabbitMq:Uri={Broker}",
            $"--Messaging:QueuePrefix={prefix}", $"--Platform:DataRoot={Root.Path}", $"--Worker:Id={id}",
            "--Worker:HeartbeatSeconds=0.5", $"--Worker:ProgressIntervalMilliseconds={ProgressIntervalMilliseconds}");
        workers.Add(worker);
        var repository = Lab.Services.GetRequiredService<WorkerRepository>();
        try
        {
            await Eventually.WaitAsync(() => repository.ListAsync(DateTimeOffset.UtcNow.AddMinutes(-1)),
                rows => rows.Any(r => r.Id == id), TimeSpan.FromSeconds(30), $"{id} to send a heartbeat");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + "\n" + worker.Output, e);
        }
        return worker;
    }
}
