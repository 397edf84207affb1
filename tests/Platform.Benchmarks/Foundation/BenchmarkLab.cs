using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Lab;
using Platform.Messaging;

namespace Platform.Benchmarks.Foundation;

/// <summary>Lab (with a self-test worker when asked) in this process with the given settings.</summary>
internal static class BenchmarkLab
{
    public static async Task<IHost> StartAsync(string dataRoot, bool withWorker, IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var values = new Dictionary<string, string?>(settings)
        {
            ["Platform:DataRoot"] = dataRoot,
            ["Worker:ProgressIntervalMilliseconds"] = "1",
        };
        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Error);
        builder.AddLab();
        if (withWorker)
            builder.Services.AddSelfTestWorker(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static Dictionary<string, string?> Settings(string transport, string database, string prefix)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = transport,
            ["Messaging:QueuePrefix"] = prefix,
            ["Persistence:Provider"] = database,
        };
        if (transport == "RabbitMQ")
            settings["Messaging:RabbitMq:Uri"] = Environment.GetEnvironmentVariable("PLATFORM_TEST_RABBITMQ")
                ?? throw new InvalidOperationException("set PLATFORM_TEST_RABBITMQ (eval \"$(.ci/services.sh start)\")");
        return settings;
    }
}
