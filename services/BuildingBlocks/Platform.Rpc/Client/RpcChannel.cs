using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace Platform.Rpc.Client;

/// <summary>
/// A connection pool to one gRPC server over HTTP/2 (h2c for http://, TLS with ALPN for https://).
/// Thread-safe and meant to be long-lived: create one per server and share it between typed clients.
/// </summary>
public sealed class RpcChannel : IDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private readonly bool _disposeInvoker;

    private RpcChannel(Uri address, RpcChannelOptions options)
    {
        Address = address;
        Options = options;
        var handler = options.HttpHandler ?? new SocketsHttpHandler
        {
            // Servers allow ~100 concurrent streams per connection; open more connections beyond that.
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        };
        _invoker = new HttpMessageInvoker(handler, disposeHandler: options.HttpHandler is null || options.DisposeHttpHandler);
        _disposeInvoker = true;
    }

    /// <summary>The server address; method paths are appended to it.</summary>
    public Uri Address { get; }

    /// <summary>The channel's options.</summary>
    public RpcChannelOptions Options { get; }

    internal HttpMessageInvoker Invoker => _invoker;

    /// <summary>Creates a channel to <paramref name="address"/>, e.g. <c>http://127.0.0.1:5000</c>.</summary>
    public static RpcChannel ForAddress(string address, RpcChannelOptions? options = null) =>
        ForAddress(new Uri(address, UriKind.Absolute), options);

    /// <summary>Creates a channel to <paramref name="address"/>.</summary>
    public static RpcChannel ForAddress(Uri address, RpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Address '{address}' must use http:// (h2c) or https://.", nameof(address));
        }

        var normalized = address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
        return new RpcChannel(normalized, options ?? new RpcChannelOptions());
    }

    /// <summary>Calls a unary rpc.</summary>
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(RpcMethod<TRequest, TResponse> method, TRequest request, CallContext? context = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var call = new ClientCall<TRequest, TResponse>(this, method, context, default);
        await using (call.ConfigureAwait(false))
        {
            await call.StartAsync(call.CreateContent(request)).ConfigureAwait(false);
            return await call.ReadSingleResponseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Calls a client-streaming rpc; <paramref name="requests"/> is sent as it is produced.</summary>
    public async Task<TResponse> ClientStreamingAsync<TRequest, TResponse>(RpcMethod<TRequest, TResponse> method, IAsyncEnumerable<TRequest> requests, CallContext? context = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var call = new ClientCall<TRequest, TResponse>(this, method, context, default);
        await using (call.ConfigureAwait(false))
        {
            await call.StartAsync(call.CreateContent(requests)).ConfigureAwait(false);
            return await call.ReadSingleResponseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Calls a server-streaming rpc; the call starts when enumeration starts and is canceled if enumeration stops early.</summary>
    public async IAsyncEnumerable<TResponse> ServerStreamingAsync<TRequest, TResponse>(RpcMethod<TRequest, TResponse> method, TRequest request, CallContext? context = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var call = new ClientCall<TRequest, TResponse>(this, method, context, cancellationToken);
        await using (call.ConfigureAwait(false))
        {
            await call.StartAsync(call.CreateContent(request)).ConfigureAwait(false);
            while (await call.ReadMessageAsync().ConfigureAwait(false) is { } response)
            {
                yield return response;
            }
        }
    }

    /// <summary>Calls a bidirectional-streaming rpc: <paramref name="requests"/> is sent while responses are read.</summary>
    public async IAsyncEnumerable<TResponse> DuplexStreamingAsync<TRequest, TResponse>(RpcMethod<TRequest, TResponse> method, IAsyncEnumerable<TRequest> requests, CallContext? context = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var call = new ClientCall<TRequest, TResponse>(this, method, context, cancellationToken);
        await using (call.ConfigureAwait(false))
        {
            await call.StartAsync(call.CreateContent(requests)).ConfigureAwait(false);
            while (await call.ReadMessageAsync().ConfigureAwait(false) is { } response)
            {
                yield return response;
            }
        }
    }

    /// <summary>Closes the connections.</summary>
    public void Dispose()
    {
        if (_disposeInvoker)
        {
            _invoker.Dispose();
        }
    }
}
