using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Contracts.Training;
using Platform.Messaging;
using Platform.Training.Jobs;

namespace Platform.Training;

/// <summary>Composes the Training service into a host.</summary>
public static class Extensions
{
    /// <summary>This process trains: handlers for train, shadow-set and coreset jobs.</summary>
    public static IHostApplicationBuilder AddTraining(this IHostApplicationBuilder builder)
    {
        builder.Services.AddJobHandler<TrainJobHandler, TrainSpec>(builder.Configuration, TrainingJobKinds.Train);
        builder.Services.AddJobHandler<ShadowSetJobHandler, ShadowSetSpec>(builder.Configuration, TrainingJobKinds.ShadowSet);
        builder.Services.AddJobHandler<CoresetJobHandler, CoresetSpec>(builder.Configuration, TrainingJobKinds.Coreset);
        return builder;
    }
}
