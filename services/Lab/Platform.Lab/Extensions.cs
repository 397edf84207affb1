using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Contracts.Curvature;
using Platform.Contracts.Jobs;
using Platform.Contracts.Training;
using Platform.Lab.Jobs;
using Platform.Lab.Notifications;
using Platform.Lab.Workflows;
using Platform.Lab.Workflows.Audit;
using Platform.Messaging;
using Platform.Messaging.Jobs;
using Platform.Persistence;

namespace Platform.Lab;

/// <summary>Composes Lab, the control plane, into a host.</summary>
public static class Extensions
{
    /// <summary>Database, job kinds, job operations and the consumer of worker events.</summary>
    public static IHostApplicationBuilder AddLab(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.AddPlatformPersistence(configuration);
        services.AddPlatformMessaging(configuration);
        services.AddJobKind<SelfTestSpec>(JobKinds.SelfTest);
        services.AddJobKind<TrainSpec>(TrainingJobKinds.Train);
        services.AddJobKind<ShadowSetSpec>(TrainingJobKinds.ShadowSet);
        services.AddJobKind<CoresetSpec>(TrainingJobKinds.Coreset);
        services.AddJobKind<ScoreSpec>(CurvatureJobKinds.Score);
        services.AddJobKind<AttackSpec>(CurvatureJobKinds.Attack);
        services.AddJobKind<MemorizationSpec>(CurvatureJobKinds.Memorization);
        services.AddSingleton(configuration.GetSection(LabOptions.Section).Get<LabOptions>() ?? new LabOptions());
        services.AddSingleton<JobNotifier>();
        services.AddSingleton<ModelReferenceResolver>();
        services.AddSingleton<ArtifactReferenceResolver>();
        services.AddSingleton<IModelResolver>(sp => sp.GetRequiredService<ModelReferenceResolver>());
        services.AddSingleton<IJobSubmitter, LabJobSubmitter>();
        services.AddSingleton<JobService>();
        services.AddJobEventSink<LabJobEventSink>(configuration);
        services.AddHostedService<StalledJobMonitor>();
        services.AddHostedService<InMemoryJobRecovery>();
        services.AddWorkflows();
        services.AddWorkflow<AuditWorkflow, AuditSpec>(CurvatureJobKinds.Audit);
        services.AddRpc();
        return builder;
    }
}
