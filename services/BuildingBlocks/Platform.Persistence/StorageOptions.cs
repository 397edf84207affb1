namespace Platform.Persistence;

/// <summary>Configuration section <c>Platform</c>: where local state lives.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Platform";

    /// <summary>
    /// Folder for the SQLite database, the artifact store and checkpoints. Workers on other machines need
    /// the same folder (a shared volume) until artifacts move over gRPC.
    /// </summary>
    public string DataRoot { get; set; } = "data";
}
