using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Rpc.Client;
using Platform.Rpc.Server;

namespace Platform.Rpc.Tests.Infrastructure;

/// <summary>A real Kestrel server on 127.0.0.1 (free port) serving the test service, health and reflection.</summary>
public class RpcTestServer : IAsyncLifetime
{
    public const int ServerMaxReceiveMessageSize = 1024 * 1024;

    private WebApplication? _app;

    public string Address { get; private set; } = "";

    public CallObservations Observations { get; } = new();

    public IServiceProvider Services => _app!.Services;

    public RpcChannel Channel { get; private set; } = null!;

    protected virtual void ConfigureOptions(RpcServerOptions options)
    {
    }

    protected virtual void ConfigureKestrel(RpcKestrelOptions options)
    {
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseRpcKestrel(o =>
        {
            o.Port = 0;
            ConfigureKestrel(o);
        });
        builder.Services.AddSingleton(Observations);
        builder.Services.AddRpc(o =>
        {
            o.MaxReceiveMessageSize = ServerMaxReceiveMessageSize;
            ConfigureOptions(o);
        });
        _app = builder.Build();
        _app.MapRpcService<TestServiceImpl>();
        _app.MapRpcHealthService();
        _app.MapRpcReflectionService();
        await _app.StartAsync();
        Address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Channel = CreateChannel();
    }

    public virtual RpcChannel CreateChannel(RpcChannelOptions? options = null) => RpcChannel.ForAddress(Address, options);

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
