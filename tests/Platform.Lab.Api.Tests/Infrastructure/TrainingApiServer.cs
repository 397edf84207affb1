using Microsoft.AspNetCore.Builder;
using Platform.Training;

namespace Platform.Lab.Api.Tests.Infrastructure;

/// <summary>The Lab API server with the Training service's workers (real libtorch, real Fashion-MNIST) in this process.</summary>
public sealed class TrainingApiServer : LabApiServer
{
    /// <inheritdoc />
    protected override void AddWorkers(WebApplicationBuilder builder) => builder.AddTraining();
}
