using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Platform.Rpc.Health;
using Platform.Rpc.Tests.Infrastructure;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Platform.Rpc.Tests.Health;

[Collection(RpcServerCollection.Name)]
public sealed class HealthServiceTests(RpcTestServer server)
{
    private readonly HealthClient _client = new(server.Channel);

    [Fact]
    public async Task ServerAndMappedServicesAreServing()
    {
        (await _client.Check(new HealthCheckRequest())).Status.Should().Be(ServingStatus.Serving);
        (await _client.Check(new HealthCheckRequest { Service = "platform.testing.v1.TestService" })).Status.Should().Be(ServingStatus.Serving);
    }

    [Fact]
    public async Task UnknownServiceIsNotFound()
    {
        var act = () => _client.Check(new HealthCheckRequest { Service = "no.such.Service" });

        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.NotFound);
    }

    [Fact]
    public async Task WatchStreamsTheCurrentStatusThenChanges()
    {
        var store = server.Services.GetRequiredService<HealthStatusStore>();
        const string service = "platform.testing.v1.Watched";
        store.SetStatus(service, ServingStatus.Serving);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = new List<ServingStatus>();

        await foreach (var response in _client.Watch(new HealthCheckRequest { Service = service }, new CallContext(cancellationToken: cts.Token)))
        {
            seen.Add(response.Status);
            if (seen.Count == 1)
            {
                store.SetStatus(service, ServingStatus.NotServing);
            }
            else if (seen.Count == 2)
            {
                store.Remove(service);
            }
            else
            {
                break;
            }
        }

        seen.Should().Equal(ServingStatus.Serving, ServingStatus.NotServing, ServingStatus.ServiceUnknown);
    }
}
