using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Contracts.Curvature;
using Platform.Curvature.Jobs;
using Platform.Messaging;

namespace Platform.Curvature;

/// <summary>Composes the Curvature service into a host.</summary>
public static class Extensions
{
    /// <summary>This process scores samples and runs membership attacks: the curvature.score and curvature.attack handlers.</summary>
    public static IHostApplicationBuilder AddCurvature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddJobHandler<ScoreJobHandler, ScoreSpec>(builder.Configuration, CurvatureJobKinds.Score);
        builder.Services.AddJobHandler<AttackJobHandler, AttackSpec>(builder.Configuration, CurvatureJobKinds.Attack);
        return builder;
    }
}
