using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Platform.Testing.V1;

namespace Platform.Rpc.Tests.Infrastructure;

/// <summary>The test service: echoes metadata, streams, fails on request, sleeps until canceled.</summary>
public sealed class TestServiceImpl(CallObservations observations) : ITestService
{
    public Task<EchoResponse> Echo(EchoRequest request, CallContext? context = null)
    {
        EchoMetadata(context!);
        return Task.FromResult(new EchoResponse
        {
            Message = request.Message,
            Payload = request.Payload,
            RequestEncoding = context!.HttpContext!.Request.Headers["grpc-encoding"].ToString(),
            Padding = ByteString.CopyFrom(new byte[request.ResponsePadding]),
        });
    }

    public async IAsyncEnumerable<CountResponse> Count(CountRequest request, CallContext? context = null)
    {
        var sent = 0;
        using var registration = request.Id.Length == 0
            ? default
            : context!.CancellationToken.Register(() => observations.RecordCountCanceled(request.Id, Volatile.Read(ref sent)));
        for (var i = 0; i < request.Count; i++)
        {
            if (request.DelayMs > 0)
            {
                await Task.Delay(request.DelayMs, context!.CancellationToken);
            }

            yield return new CountResponse { Index = i };
            Volatile.Write(ref sent, i + 1);
            if (request.Id.Length > 0)
            {
                observations.RecordCountSent(request.Id, i + 1);
            }
        }
    }

    public async Task<SumResponse> Sum(IAsyncEnumerable<Number> requests, CallContext? context = null)
    {
        var response = new SumResponse();
        await foreach (var number in requests)
        {
            response.Sum += number.Value;
            response.Count++;
        }

        return response;
    }

    public async IAsyncEnumerable<EchoResponse> Chat(IAsyncEnumerable<EchoRequest> requests, CallContext? context = null)
    {
        EchoMetadata(context!);
        await foreach (var request in requests)
        {
            yield return new EchoResponse { Message = "echo:" + request.Message };
        }
    }

    public Task<EchoResponse> Fail(FailRequest request, CallContext? context = null)
    {
        if (request.ThrowPlainException)
        {
            throw new InvalidOperationException("secret internal detail");
        }

        context!.ResponseTrailers.Add("x-error-trailer", "present");
        if (request.WithDetails)
        {
            var details = RpcException.CreateDetails((StatusCode)request.Code, request.Message, new ErrorDetail { Field = "name", Reason = "must not be empty" });
            throw new RpcException(details);
        }

        throw new RpcException((StatusCode)request.Code, request.Message);
    }

    public async Task<SleepResponse> Sleep(SleepRequest request, CallContext? context = null)
    {
        observations.SleepStarted();
        var token = request.IgnoreCancellation ? CancellationToken.None : context!.CancellationToken;
        try
        {
            await Task.Delay(request.SleepMs, token);
            observations.RecordSleepEnded(request.Id, context!.CancellationToken.IsCancellationRequested ? "canceled" : "completed");
            return new SleepResponse { SleptMs = request.SleepMs };
        }
        catch (OperationCanceledException)
        {
            observations.RecordSleepEnded(request.Id, "canceled");
            throw;
        }
    }

    public Task<Empty> Ping(Empty request, CallContext? context = null) => Task.FromResult(new Empty());

    public Task<Outer> Nested(Outer.Types.Inner request, CallContext? context = null) =>
        Task.FromResult(new Outer { Inner = new Outer.Types.Inner { Value = request.Value + "!" } });

    /// <summary>Request metadata "x-*" comes back as response header "echo-*" and trailer "trailer-*".</summary>
    private static void EchoMetadata(CallContext context)
    {
        foreach (var entry in context.RequestHeaders.Where(e => e.Key.StartsWith("x-", StringComparison.Ordinal)).ToList())
        {
            var key = entry.Key[2..];
            if (entry.IsBinary)
            {
                context.ResponseHeaders.Add("echo-" + key, entry.ValueBytes);
                context.ResponseTrailers.Add("trailer-" + key, entry.ValueBytes);
            }
            else
            {
                context.ResponseHeaders.Add("echo-" + key, entry.Value);
                context.ResponseTrailers.Add("trailer-" + key, entry.Value);
            }
        }
    }
}
