using System.Globalization;
using System.Reflection;
using Platform.Persistence.Connections;

namespace Platform.Persistence.Migrations;

/// <summary>
/// The SQL migrations embedded in this assembly, per dialect, named <c>NNNN_name.sql</c>.
/// Both dialects must have the same versions: a migration added to one only is a build defect
/// that the test suite catches.
/// </summary>
public static class MigrationCatalog
{
    /// <summary>Migrations of <paramref name="provider"/> in version order.</summary>
    public static IReadOnlyList<Migration> For(DatabaseProvider provider)
    {
        var prefix = $"migrations/{provider}/";
        var assembly = typeof(MigrationCatalog).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n, n[prefix.Length..^4]))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static Migration Load(Assembly assembly, string resource, string fileName)
    {
        var separator = fileName.IndexOf('_');
        if (separator <= 0 || !int.TryParse(fileName[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            throw new InvalidOperationException($"migration '{resource}' must be named NNNN_name.sql");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd());
    }
}
