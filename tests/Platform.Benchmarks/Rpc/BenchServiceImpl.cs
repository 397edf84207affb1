using Google.Protobuf;
using Platform.Bench.V1;
using Platform.Rpc;

namespace Platform.Benchmarks.Rpc;

/// <summary>Our side of the benchmark methods: the same behaviour as tests/interop/node/bench_server.js.</summary>
public sealed class BenchServiceImpl : IBenchService
{
    public Task<EchoResponse> Echo(EchoRequest request, CallContext? context = null) =>
        Task.FromResult(new EchoResponse { Message = request.Message, Payload = request.Payload });

    public async IAsyncEnumerable<StreamResponse> Stream(StreamRequest request, CallContext? context = null)
    {
        var payload = ByteString.CopyFrom(new byte[request.PayloadSize]);
        for (var i = 0; i < request.Count; i++)
            yield return new StreamResponse { Index = i, Payload = payload };
        await Task.CompletedTask;
    }
}
