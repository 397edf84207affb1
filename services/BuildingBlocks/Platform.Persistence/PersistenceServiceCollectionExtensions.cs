using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Persistence.Artifacts;
using Platform.Persistence.Connections;
using Platform.Persistence.Migrations;
using Platform.Persistence.Repositories;
using Platform.Persistence.TypeHandlers;

namespace Platform.Persistence;

/// <summary>Registers the database, migrations, repositories and the artifact store.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Reads <c>Persistence:Provider</c>, <c>Persistence:ConnectionString</c> and <c>Platform:DataRoot</c>.
    /// With <paramref name="migrateOnStart"/>, a hosted service brings the schema up to date before the
    /// other hosted services start (register persistence first).
    /// </summary>
    public static IServiceCollection AddPlatformPersistence(
        this IServiceCollection services, IConfiguration configuration, bool migrateOnStart = true)
    {
        DapperConfiguration.Apply();
        services.AddPlatformStorage(configuration);
        var options = configuration.GetSection(PersistenceOptions.Section).Get<PersistenceOptions>() ?? new PersistenceOptions();
        services.AddSingleton(options);
        services.AddSingleton<IDbConnectionFactory>(sp => CreateConnectionFactory(options, sp.GetRequiredService<StorageOptions>()));
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<JobRepository>();
        services.AddSingleton<ProjectRepository>();
        services.AddSingleton<MetricRepository>();
        services.AddSingleton<ArtifactRepository>();
        services.AddSingleton<RegistryRepository>();
        services.AddSingleton<WorkerRepository>();
        services.AddSingleton<WorkflowRepository>();
        if (migrateOnStart)
            services.AddHostedService<DatabaseMigrationService>();
        return services;
    }

    /// <summary>The data root (<c>Platform:DataRoot</c>) and the artifact store in it; what workers need without a database.</summary>
    public static IServiceCollection AddPlatformStorage(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(StorageOptions)))
            return services;
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(storage);
        services.AddSingleton(_ => new LocalArtifactStore(storage.DataRoot));
        return services;
    }

    /// <summary>The connection factory the options describe; a clear error when PostgreSQL has no connection string.</summary>
    public static IDbConnectionFactory CreateConnectionFactory(PersistenceOptions options, StorageOptions storage)
    {
        DapperConfiguration.Apply();
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConnectionFactory(
                string.IsNullOrWhiteSpace(options.ConnectionString)
                    ? Path.Combine(storage.DataRoot, "platform.db")
                    : options.ConnectionString),
            DatabaseProvider.Postgres => new PostgresConnectionFactory(
                string.IsNullOrWhiteSpace(options.ConnectionString)
                    ? throw new PersistenceException(
                        "Persistence:Provider is Postgres but Persistence:ConnectionString is empty; set it, e.g. " +
                        "Host=127.0.0.1;Port=5432;Username=platform;Password=...;Database=platform")
                    : options.ConnectionString),
            _ => throw new PersistenceException($"unknown Persistence:Provider '{options.Provider}'; use Sqlite or Postgres"),
        };
    }
}
