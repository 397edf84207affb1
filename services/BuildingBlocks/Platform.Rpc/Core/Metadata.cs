using System.Collections;

namespace Platform.Rpc;

/// <summary>
/// Request headers, response headers or trailers of a call. Keys are case-insensitive (stored lower case);
/// keys ending in <c>-bin</c> carry bytes (sent base64), others printable ASCII.
/// </summary>
public sealed class Metadata : IReadOnlyList<MetadataEntry>
{
    /// <summary>The suffix that marks binary keys.</summary>
    public const string BinarySuffix = "-bin";

    private readonly List<MetadataEntry> _entries = [];

    /// <inheritdoc/>
    public int Count => _entries.Count;

    /// <inheritdoc/>
    public MetadataEntry this[int index] => _entries[index];

    /// <summary>Adds a text entry. The key must not end in <c>-bin</c>; the value must be printable ASCII.</summary>
    public Metadata Add(string key, string value)
    {
        key = NormalizeKey(key);
        ArgumentNullException.ThrowIfNull(value);
        if (key.EndsWith(BinarySuffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Metadata key '{key}' ends with '{BinarySuffix}', so its value must be bytes; use Add(string, byte[]).", nameof(key));
        }

        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                throw new ArgumentException($"Metadata value of '{key}' contains character U+{(int)c:X4}; text values must be printable ASCII (use a '-bin' key for other data).", nameof(value));
            }
        }

        _entries.Add(new MetadataEntry(key, value));
        return this;
    }

    /// <summary>Adds a binary entry. The key must end in <c>-bin</c>.</summary>
    public Metadata Add(string key, byte[] value)
    {
        key = NormalizeKey(key);
        ArgumentNullException.ThrowIfNull(value);
        if (!key.EndsWith(BinarySuffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Binary metadata key '{key}' must end with '{BinarySuffix}'.", nameof(key));
        }

        _entries.Add(new MetadataEntry(key, value));
        return this;
    }

    /// <summary>The last entry with the key, or null.</summary>
    public MetadataEntry? Get(string key)
    {
        key = key.ToLowerInvariant();
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].Key == key)
            {
                return _entries[i];
            }
        }

        return null;
    }

    /// <summary>The text value of the last entry with the key, or null.</summary>
    public string? GetString(string key) => Get(key)?.Value;

    /// <summary>The bytes of the last entry with the key, or null.</summary>
    public byte[]? GetBytes(string key) => Get(key)?.ValueBytes;

    /// <summary>Every entry with the key, in order.</summary>
    public IEnumerable<MetadataEntry> GetAll(string key)
    {
        key = key.ToLowerInvariant();
        return _entries.Where(e => e.Key == key);
    }

    /// <summary>Removes every entry with the key; returns how many were removed.</summary>
    public int Remove(string key)
    {
        key = key.ToLowerInvariant();
        return _entries.RemoveAll(e => e.Key == key);
    }

    /// <summary>Removes every entry.</summary>
    public void Clear() => _entries.Clear();

    /// <inheritdoc/>
    public IEnumerator<MetadataEntry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void AddRaw(MetadataEntry entry) => _entries.Add(entry);

    private static string NormalizeKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        key = key.ToLowerInvariant();
        foreach (var c in key)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))
            {
                throw new ArgumentException($"Metadata key '{key}' contains '{c}'; keys may contain only a-z, 0-9, '-', '_' and '.'.", nameof(key));
            }
        }

        return key;
    }
}
