namespace Platform.Persistence.Migrations;

/// <summary>One versioned SQL script of a dialect.</summary>
public sealed record Migration(int Version, string Name, string Sql);
