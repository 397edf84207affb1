using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Contracts.Curvature;
using Platform.Curvature.Api;
using Platform.Curvature.Jobs;
using Platform.Messaging;

namespace Platform.Curvature;

/// <summary>Composes the Curvature service into a host.</summary>
public static class Extensions
{
    /// <summary>This process scores samples and runs membership attacks: the curvature.score, curvature.memorization and curvature.attack handlers, and the API's services.</summary>
    public static IHostApplicationBuilder AddCurvature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddJobHandler<ScoreJobHandler, ScoreSpec>(builder.Configuration, CurvatureJobKinds.Score);
        builder.Services.AddJobHandler<MemorizationJobHandler, MemorizationSpec>(builder.Configuration, CurvatureJobKinds.Memorization);
        builder.Services.AddJobHandler<AttackJobHandler, AttackSpec>(builder.Configuration, CurvatureJobKinds.Attack);
        builder.Services.AddSingleton<ScoringModelLoader>();
        builder.Services.AddSingleton<CurvatureApi>();
        return builder;
    }

    /// <summary>
    /// Maps <c>platform.curvature.v1.CurvatureService</c> on the host's gRPC endpoint. Needs Lab in the same process
    /// (model names are resolved in its registry, jobs submitted through it), as in the embedded host.
    /// </summary>
    public static WebApplication MapCurvature(this WebApplication app)
    {
        app.MapRpcService<CurvatureApi>();
        return app;
    }
}
