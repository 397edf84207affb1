namespace Platform.Lab.Workflows;

/// <summary>The workflow definitions registered in this Lab, by job kind.</summary>
public sealed class WorkflowCatalog(IEnumerable<IWorkflowDefinition> definitions)
{
    private readonly Dictionary<string, IWorkflowDefinition> byKind = definitions.ToDictionary(d => d.Kind, StringComparer.Ordinal);

    /// <summary>Whether jobs of <paramref name="kind"/> are workflows run by Lab.</summary>
    public bool Contains(string kind) => byKind.ContainsKey(kind);

    /// <summary>The definition of a workflow kind, or null.</summary>
    public IWorkflowDefinition? Find(string kind) => byKind.GetValueOrDefault(kind);
}
