using System.Diagnostics;
using FluentAssertions;
using Platform.TestSupport;

namespace Platform.Lab.Tests;

public sealed class StartupFailureTests
{
    [Fact]
    public async Task AnUnreachableBrokerStopsTheHostWithAClearErrorWithinFifteenSeconds()
    {
        using var root = new TempDirectory();
        using var host = WorkerProcess.Start(
            "--Messaging:Transport=RabbitMQ", "--Messaging:RabbitMq:Uri=amqp://guest:secret@127.0.0.1:1/",
            "--Messaging:StartTimeoutSeconds=8", $"--Platform:DataRoot={root.Path}");
        var clock = Stopwatch.StartNew();

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(30));

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15));
        exitCode.Should().Be(2);
        host.Output.Should().Contain("platform: cannot reach RabbitMQ at amqp://guest:***@127.0.0.1:1/")
            .And.Contain("Messaging:Transport=InMemory")
            .And.NotContain("secret");
    }

    [Fact]
    public async Task AnInvalidRoleIsRefusedWithWhatToUse()
    {
        using var root = new TempDirectory();
        using var host = WorkerProcess.Start("--Platform:Roles=trainer", $"--Platform:DataRoot={root.Path}");

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(30));

        exitCode.Should().NotBe(0);
        host.Output.Should().Contain("Platform:Roles 'trainer' is not valid: use any of lab, worker, dashboard");
    }
}
