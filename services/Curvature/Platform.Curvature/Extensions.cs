using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Contracts.Curvature;
using Platform.Curvature.Jobs;
using Platform.Messaging;

namespace Platform.Curvature;

/// <summary>Composes the Curvature service into a host.</summary>
public static class Extensions
{
    /// <summary>This process scores samples: the curvature.score job handler.</summary>
    public static IHostApplicationBuilder AddCurvature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddJobHandler<ScoreJobHandler, ScoreSpec>(builder.Configuration, CurvatureJobKinds.Score);
        return builder;
    }
}
