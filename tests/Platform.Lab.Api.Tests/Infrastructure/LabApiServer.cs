using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Messaging;
using Platform.Rpc.Client;
using Platform.TestSupport;

namespace Platform.Lab.Api.Tests.Infrastructure;

/// <summary>
/// Lab with the self-test worker in this process (SQLite, in-memory bus, its own data root) serving the Lab
/// gRPC API on a real Kestrel port on 127.0.0.1, composed as Platform.Host composes it.
/// </summary>
public class LabApiServer : IAsyncLifetime
{
    private readonly TempDirectory root = new();
    private WebApplication? app;

    /// <summary>e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary><c>127.0.0.1:41234</c>, as grpc-js and C-core take it.</summary>
    public string Authority => new Uri(Address).Authority;

    public IServiceProvider Services => app!.Services;

    public RpcChannel Channel { get; private set; } = null!;

    public JobServiceClient Jobs => new(Channel);

    public ArtifactServiceClient Artifacts => new(Channel);

    public string DataRoot => root.Path;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:DataRoot"] = root.Path,
            ["Worker:HeartbeatSeconds"] = "0.5",
            ["Worker:ProgressIntervalMilliseconds"] = "20",
            ["Lab:StalledCheckSeconds"] = "0.5",
        });
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseRpcKestrel(o => o.Port = 0);
        builder.AddLab();
        AddWorkers(builder);
        app = builder.Build();
        app.MapLab();
        await app.StartAsync();
        Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Channel = RpcChannel.ForAddress(Address);
    }

    /// <summary>The workers in this process: the self-test kind.</summary>
    protected virtual void AddWorkers(WebApplicationBuilder builder) => builder.Services.AddSelfTestWorker(builder.Configuration);

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
