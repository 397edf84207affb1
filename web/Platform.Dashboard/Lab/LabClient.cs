using Platform.Lab.V1;
using Platform.Rpc.Client;

namespace Platform.Dashboard.Lab;

/// <summary>The typed gRPC clients of Lab's API over one shared channel: everything the dashboard reads or does goes through it.</summary>
public sealed class LabClient : IDisposable
{
    private readonly RpcChannel channel;

    public LabClient(DashboardOptions options)
    {
        channel = RpcChannel.ForAddress(options.LabAddress);
        Jobs = new JobServiceClient(channel);
        Metrics = new MetricServiceClient(channel);
        Artifacts = new ArtifactServiceClient(channel);
        Projects = new ProjectServiceClient(channel);
        Workers = new WorkerServiceClient(channel);
    }

    public JobServiceClient Jobs { get; }

    public MetricServiceClient Metrics { get; }

    public ArtifactServiceClient Artifacts { get; }

    public ProjectServiceClient Projects { get; }

    public WorkerServiceClient Workers { get; }

    public void Dispose() => channel.Dispose();
}
