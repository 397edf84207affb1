using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Platform.Persistence.Connections;

namespace Platform.Persistence.Migrations;

/// <summary>
/// Brings the database to the schema this build knows, at start-up. Each migration runs in its own
/// transaction together with its row in <c>schema_version</c>, so a crash leaves the database at a
/// known version; running it again is a no-op. Concurrent starters are serialised (an advisory lock on
/// PostgreSQL, an immediate transaction on SQLite). A database newer than this build is refused.
/// </summary>
public sealed class MigrationRunner(IDbConnectionFactory connections, ILogger<MigrationRunner> logger)
{
    private const long AdvisoryLockKey = 0x706c6174666f726d; // "platform"

    /// <summary>Applies the pending migrations; returns the versions applied now.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var migrations = MigrationCatalog.For(connections.Provider);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var postgres = connections.Provider == DatabaseProvider.Postgres;
        if (postgres)
            await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey });
        try
        {
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
            var applied = new List<int>();
            foreach (var migration in migrations)
            {
                if (await ApplyAsync(connection, migration, latest, postgres, cancellationToken))
                    applied.Add(migration.Version);
            }
            if (applied.Count > 0)
                logger.LogInformation("Migrated {Database} to schema version {Version} (applied {Applied})",
                    connections.Describe(), latest, string.Join(", ", applied));
            return applied;
        }
        finally
        {
            if (postgres)
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey });
        }
    }

    /// <summary>The highest version recorded in the database (0 when none).</summary>
    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await CurrentVersionAsync(connection, null);
    }

    private static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction? transaction) =>
        await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_version", transaction: transaction) ?? 0;

    private async Task<bool> ApplyAsync(
        DbConnection connection, Migration migration, int latest, bool postgres, CancellationToken cancellationToken)
    {
        // SQLite: BEGIN IMMEDIATE takes the write lock up front, so two processes cannot both decide
        // that the same version is pending.
        await using var transaction = postgres
            ? await connection.BeginTransactionAsync(cancellationToken)
            : await BeginImmediateAsync(connection, cancellationToken);
        var current = await CurrentVersionAsync(connection, transaction);
        if (current > latest)
            throw new PersistenceException(
                $"{connections.Describe()} has schema version {current}, newer than this build of Platform knows ({latest}). " +
                "Upgrade Platform, or point Persistence:ConnectionString at another database.");
        if (await connection.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM schema_version WHERE version = @version", new { version = migration.Version }, transaction) > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        logger.LogInformation("Applying migration {Version} {Name}", migration.Version, migration.Name);
        await connection.ExecuteAsync(migration.Sql, transaction: transaction);
        await connection.ExecuteAsync(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)",
            new { version = migration.Version, name = migration.Name, at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
            transaction);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<DbTransaction> BeginImmediateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite starts deferred transactions; an explicit IMMEDIATE needs the raw API.
        var sqlite = (Microsoft.Data.Sqlite.SqliteConnection)connection;
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return sqlite.BeginTransaction(deferred: false);
    }
}
