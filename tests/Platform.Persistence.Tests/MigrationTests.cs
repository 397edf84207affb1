using Dapper;
using FluentAssertions;
using Platform.Persistence.Connections;
using Platform.Persistence.Migrations;

namespace Platform.Persistence.Tests;

public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunningMigrationsTwiceIsANoOp(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        var first = await db.Migrations.MigrateAsync();
        var second = await db.Migrations.MigrateAsync();

        first.Should().Equal(MigrationCatalog.For(provider).Select(m => m.Version));
        second.Should().BeEmpty();
        (await db.Migrations.CurrentVersionAsync()).Should().Be(first[^1]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ConcurrentStartersApplyEachMigrationOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => db.Migrations.MigrateAsync())));

        results.SelectMany(r => r).Should().Equal(MigrationCatalog.For(provider).Select(m => m.Version));
        await using var c = await db.Connections.OpenAsync();
        (await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_version")).Should().Be(MigrationCatalog.For(provider).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RefusesADatabaseNewerThanTheBuild(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var c = await db.Connections.OpenAsync())
            await c.ExecuteAsync("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', 0)");

        var act = () => db.Migrations.MigrateAsync();

        (await act.Should().ThrowAsync<PersistenceException>())
            .WithMessage("*schema version 999, newer than this build*Upgrade Platform*");
    }

    [Fact]
    public void BothDialectsHaveTheSameMigrations()
    {
        var sqlite = MigrationCatalog.For(DatabaseProvider.Sqlite).Select(m => (m.Version, m.Name));
        var postgres = MigrationCatalog.For(DatabaseProvider.Postgres).Select(m => (m.Version, m.Name));

        sqlite.Should().NotBeEmpty().And.Equal(postgres);
    }

    [Fact]
    public void PostgresWithoutConnectionStringSaysWhatToSet()
    {
        var act = () => PersistenceServiceCollectionExtensions.CreateConnectionFactory(
            new PersistenceOptions { Provider = DatabaseProvider.Postgres }, new StorageOptions());

        act.Should().Throw<PersistenceException>().WithMessage("*Persistence:ConnectionString is empty*");
    }
}
