using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.Contracts.Jobs;
using Platform.Messaging;

namespace Platform.Lab.Workflows;

/// <summary>Registers the workflow engine and workflow kinds.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>The engine that runs workflows in Lab (once per process).</summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services)
    {
        services.TryAddSingleton<WorkflowCatalog>();
        services.TryAddSingleton<WorkflowSignals>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WorkflowEngine>());
        return services;
    }

    /// <summary>Makes <paramref name="kind"/> a workflow run by <typeparamref name="TDefinition"/>, submitted like any job.</summary>
    public static IServiceCollection AddWorkflow<TDefinition, TSpec>(this IServiceCollection services, string kind)
        where TDefinition : class, IWorkflowDefinition
        where TSpec : class, IJobSpec
    {
        services.AddWorkflows();
        services.AddJobKind<TSpec>(kind);
        services.AddSingleton<IWorkflowDefinition, TDefinition>();
        return services;
    }
}
