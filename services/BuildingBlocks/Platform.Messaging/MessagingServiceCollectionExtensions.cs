using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.Contracts.Jobs;
using Platform.Messaging.Bus;
using Platform.Messaging.Jobs;
using Platform.Messaging.Worker;
using Platform.Persistence;

namespace Platform.Messaging;

/// <summary>Registers the bus (MassTransit 8 behind our interfaces), job kinds, job handlers and Lab's event sink.</summary>
public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// The bus, once per process, configured from <c>Messaging</c>. Which endpoints it has is decided when it
    /// starts, from the handlers and sink registered, so the order of the <c>Add…</c> calls does not matter.
    /// </summary>
    public static IServiceCollection AddPlatformMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(MessagingOptions)))
            return services;
        var options = configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        services.AddSingleton(options);
        services.AddSingleton<JobKindCatalog>();
        services.AddSingleton<IJobDispatcher, MassTransitJobDispatcher>();
        services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            x.AddConsumer<RunJobConsumer>();
            x.AddConsumer<CancelJobConsumer>();
            x.AddConsumer<JobEventBatchConsumer>(c => c.Options<BatchOptions>(o => o
                .SetMessageLimit(BusEndpoints.EventBatchSize)
                .SetTimeLimit(TimeSpan.FromMilliseconds(5))
                .SetConcurrencyLimit(1)));
            x.AddConsumer<WorkerHeartbeatConsumer>();
            if (options.Transport == MessagingTransport.RabbitMQ)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(options.RabbitMq.Uri));
                    BusEndpoints.Configure(context, cfg, options);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => BusEndpoints.Configure(context, cfg, options));
            }
        });
        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(options.StartTimeoutSeconds);
            o.StopTimeout = TimeSpan.FromSeconds(30);
            // Jobs stopped at shutdown hand their delivery back once the transport cancels it.
            o.ConsumerStopTimeout = TimeSpan.FromSeconds(3);
        });
        return services;
    }

    /// <summary>Makes a job kind known (Lab validates submissions of it).</summary>
    public static IServiceCollection AddJobKind<TSpec>(this IServiceCollection services, string kind)
        where TSpec : class, IJobSpec
    {
        services.AddSingleton(new JobKindRegistration(kind, typeof(TSpec)));
        return services;
    }

    /// <summary>Makes this process a worker for <paramref name="kind"/>, run by <typeparamref name="THandler"/>.</summary>
    public static IServiceCollection AddJobHandler<THandler, TSpec>(
        this IServiceCollection services, IConfiguration configuration, string kind)
        where THandler : class, IJobHandler<TSpec>
        where TSpec : class, IJobSpec
    {
        services.AddPlatformMessaging(configuration);
        services.AddPlatformStorage(configuration);
        services.AddJobKind<TSpec>(kind);
        services.AddSingleton(new JobHandlerRegistration(kind, typeof(TSpec), typeof(THandler)));
        services.TryAddScoped<THandler>();
        services.AddKeyedScoped<IJobExecutor, JobExecutor<THandler, TSpec>>(kind);
        if (!services.Any(d => d.ServiceType == typeof(WorkerOptions)))
        {
            services.AddSingleton(configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions());
            services.AddSingleton<WorkerIdentity>();
            services.AddSingleton<WorkerKinds>();
            services.AddSingleton<RunningJobs>();
            services.AddSingleton<CheckpointStore>();
            services.AddSingleton<IHostedService, HeartbeatService>();
            services.AddSingleton<IHostedService, WorkerShutdown>();
        }
        return services;
    }

    /// <summary>Makes this process a worker for the platform's self-test job (queue, worker, store and database end to end).</summary>
    public static IServiceCollection AddSelfTestWorker(this IServiceCollection services, IConfiguration configuration) =>
        services.AddJobHandler<Diagnostics.SelfTestJobHandler, SelfTestSpec>(configuration, JobKinds.SelfTest);

    /// <summary>Makes this process the consumer of job events (Lab).</summary>
    public static IServiceCollection AddJobEventSink<TSink>(this IServiceCollection services, IConfiguration configuration)
        where TSink : class, IJobEventSink
    {
        services.AddPlatformMessaging(configuration);
        services.TryAddSingleton<IJobEventSink, TSink>();
        services.TryAddSingleton<JobEventSinkMarker>();
        return services;
    }
}
