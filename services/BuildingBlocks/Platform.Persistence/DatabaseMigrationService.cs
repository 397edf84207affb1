using Microsoft.Extensions.Hosting;
using Platform.Persistence.Migrations;

namespace Platform.Persistence;

/// <summary>Runs the migrations when the host starts; a failure stops the host with the migration's message.</summary>
internal sealed class DatabaseMigrationService(MigrationRunner runner) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runner.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
