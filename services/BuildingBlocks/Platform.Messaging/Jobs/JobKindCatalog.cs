using System.Reflection;
using System.Text.Json;
using Platform.Contracts.Jobs;

namespace Platform.Messaging.Jobs;

/// <summary>
/// The job kinds registered in this process and how to turn a submitted spec into a valid, typed spec.
/// Lab uses it to refuse bad submissions before anything is written; workers use it to read commands.
/// </summary>
public sealed class JobKindCatalog
{
    private readonly Dictionary<string, Type> kinds;

    /// <summary>Builds the catalog; registering one kind with two spec types is an error.</summary>
    public JobKindCatalog(IEnumerable<JobKindRegistration> registrations)
    {
        kinds = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var r in registrations)
        {
            if (kinds.TryGetValue(r.Kind, out var existing) && existing != r.SpecType)
                throw new InvalidOperationException($"job kind '{r.Kind}' is registered with {existing.Name} and {r.SpecType.Name}");
            kinds[r.Kind] = r.SpecType;
        }
    }

    /// <summary>The kinds, sorted.</summary>
    public IReadOnlyList<string> Kinds => kinds.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The spec type of a kind.</summary>
    public Type SpecTypeOf(string kind) =>
        kinds.TryGetValue(kind, out var t) ? t : throw UnknownKind(kind);

    /// <summary>
    /// Parses and validates <paramref name="specJson"/> (empty = all defaults) for <paramref name="kind"/> and
    /// returns the spec and its normalized JSON (defaults filled in), or throws <see cref="JobSpecException"/>.
    /// </summary>
    public (IJobSpec Spec, string Json) Parse(string kind, string? specJson)
    {
        var type = SpecTypeOf(kind);
        IJobSpec? spec;
        try
        {
            spec = (IJobSpec?)JsonSerializer.Deserialize(string.IsNullOrWhiteSpace(specJson) ? "{}" : specJson, type, JobSpecJson.Options);
        }
        catch (JsonException e)
        {
            throw new JobSpecException(kind, [Describe(e, type)]);
        }
        if (spec is null)
            throw new JobSpecException(kind, ["spec must be a JSON object, not null"]);
        var problems = spec.Validate().ToList();
        if (problems.Count > 0)
            throw new JobSpecException(kind, problems);
        return (spec, Serialize(spec));
    }

    /// <summary>The spec as the normalized JSON that travels in commands.</summary>
    public string Serialize(IJobSpec spec) => JsonSerializer.Serialize(spec, spec.GetType(), JobSpecJson.Options);

    private JobSpecException UnknownKind(string kind) =>
        new(kind, [$"unknown job kind '{kind}'; known kinds: {string.Join(", ", Kinds)}"]);

    private static string Describe(JsonException e, Type type)
    {
        var fields = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));
        var at = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" at {e.Path}";
        var what = e.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "unknown field"
            : "invalid value";
        return $"{what}{at} ({FirstSentence(e.Message)}); fields of this kind: {string.Join(", ", fields)}";
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
