namespace Platform.Persistence.Connections;

/// <summary>The database engines Platform supports.</summary>
public enum DatabaseProvider
{
    /// <summary>One file under the data root; the embedded default.</summary>
    Sqlite,

    /// <summary>A shared PostgreSQL server (connection string).</summary>
    Postgres,
}
