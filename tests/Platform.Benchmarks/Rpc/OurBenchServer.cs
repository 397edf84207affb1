using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Rpc.Server;

namespace Platform.Benchmarks.Rpc;

/// <summary>
/// The <c>rpc-server</c> suite: our Platform.Rpc server of <see cref="BenchServiceImpl"/> on 127.0.0.1 (free port),
/// run as a child process of the <c>rpc</c> suite so that, like the grpc-js server, it has a process of its own.
/// Prints <c>LISTENING port</c> and serves until SIGTERM.
/// </summary>
internal static class OurBenchServer
{
    public static async Task<int> RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseRpcKestrel(o => o.Port = 0);
        builder.Services.AddRpc(o => o.MaxReceiveMessageSize = 16 * 1024 * 1024);
        var app = builder.Build();
        app.MapRpcService<BenchServiceImpl>();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        Console.WriteLine($"LISTENING {address.Port}");
        await app.WaitForShutdownAsync();
        return 0;
    }
}
