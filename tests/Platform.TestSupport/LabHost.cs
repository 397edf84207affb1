using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Lab;
using Platform.Lab.Jobs;
using Platform.Messaging;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;

namespace Platform.TestSupport;

/// <summary>Lab (and optionally workers) in the test process, with its own data root and settings.</summary>
public sealed class LabHost : IAsyncDisposable
{
    private readonly IHost host;

    private LabHost(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public JobService Jobs => Services.GetRequiredService<JobService>();

    public JobRepository JobRows => Services.GetRequiredService<JobRepository>();

    /// <summary>Starts Lab with the self-test worker when <paramref name="withWorker"/>.</summary>
    public static Task<LabHost> StartAsync(string dataRoot, bool withWorker, IDictionary<string, string?>? settings = null) =>
        StartAsync(dataRoot, withWorker ? b => b.Services.AddSelfTestWorker(b.Configuration) : null, settings);

    /// <summary>Starts Lab plus whatever <paramref name="workers"/> adds (job handlers of the services under test).</summary>
    public static async Task<LabHost> StartAsync(string dataRoot, Action<IHostApplicationBuilder>? workers, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var values = new Dictionary<string, string?>
        {
            ["Platform:DataRoot"] = dataRoot,
            ["Worker:HeartbeatSeconds"] = "0.5",
            ["Worker:ProgressIntervalMilliseconds"] = "50",
            ["Lab:StalledCheckSeconds"] = "0.5",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            values[k] = v;
        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.AddLab();
        workers?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();
        return new LabHost(host);
    }

    public Task<JobRecord> WaitForAsync(Guid jobId, Func<JobRecord, bool> done, string what, double seconds = 30) =>
        Eventually.WaitAsync(async () => (await JobRows.GetAsync(jobId))!, done, TimeSpan.FromSeconds(seconds), what);

    public Task StopAsync() => host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            host.Dispose();
        }
    }
}
