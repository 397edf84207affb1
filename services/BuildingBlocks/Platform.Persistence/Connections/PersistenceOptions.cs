namespace Platform.Persistence.Connections;

/// <summary>Configuration section <c>Persistence</c>.</summary>
public sealed class PersistenceOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Persistence";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// For PostgreSQL: an Npgsql connection string. For SQLite: optional; by default the database is
    /// <c>{DataRoot}/platform.db</c>.
    /// </summary>
    public string? ConnectionString { get; set; }
}
