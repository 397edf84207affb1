using Microsoft.Extensions.Logging.Abstractions;
using Platform.Persistence;
using Platform.Persistence.Connections;
using Platform.Persistence.Migrations;
using Platform.TestSupport;

namespace Platform.Persistence.Tests;

/// <summary>A migrated, empty database of one engine for one test.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TempDirectory? folder;
    private readonly PostgresDatabase? postgres;

    private TestDatabase(IDbConnectionFactory connections, TempDirectory? folder, PostgresDatabase? postgres)
    {
        Connections = connections;
        this.folder = folder;
        this.postgres = postgres;
    }

    /// <summary>Connections to it.</summary>
    public IDbConnectionFactory Connections { get; }

    /// <summary>Its migration runner.</summary>
    public MigrationRunner Migrations => new(Connections, NullLogger<MigrationRunner>.Instance);

    /// <summary>The engines every suite runs on: SQLite always, PostgreSQL when configured (always in CI).</summary>
    public static TheoryData<DatabaseProvider> Providers()
    {
        var data = new TheoryData<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (TestEnvironment.Postgres is not null || TestEnvironment.ServicesRequired)
            data.Add(DatabaseProvider.Postgres);
        return data;
    }

    /// <summary>Creates and migrates a database.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        TestDatabase db;
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = new TempDirectory();
            db = new TestDatabase(PersistenceServiceCollectionExtensions.CreateConnectionFactory(
                new PersistenceOptions { Provider = provider }, new StorageOptions { DataRoot = folder.Path }), folder, null);
        }
        else
        {
            var pg = await PostgresDatabase.CreateAsync();
            db = new TestDatabase(PersistenceServiceCollectionExtensions.CreateConnectionFactory(
                new PersistenceOptions { Provider = provider, ConnectionString = pg.ConnectionString }, new StorageOptions()), null, pg);
        }
        if (migrate)
            await db.Migrations.MigrateAsync();
        return db;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Connections is IAsyncDisposable d)
            await d.DisposeAsync();
        if (postgres is not null)
            await postgres.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder?.Dispose();
    }
}
