using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Platform.Rpc.Tests.Server;

/// <summary>
/// A bare HTTP/2 connection over a socket: opens one gRPC stream and can drop the TCP connection
/// mid-call, which HttpClient never does on purpose.
/// </summary>
public sealed class RawHttp2Connection : IDisposable
{
    private const int MaxFrameSize = 16 * 1024;

    private readonly TcpClient _tcp = new();

    /// <summary>
    /// Connects, opens stream 1 on <paramref name="path"/> and sends <paramref name="grpcFrame"/> as its first DATA
    /// frame, ending the request unless <paramref name="endStream"/> is false (stay under 64 KB: this client never
    /// reads the server's WINDOW_UPDATE frames).
    /// </summary>
    public async Task OpenStreamAsync(Uri address, string path, byte[] grpcFrame, bool endStream = true)
    {
        await _tcp.ConnectAsync(address.Host, address.Port);
        var stream = _tcp.GetStream();
        await stream.WriteAsync("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray());
        await stream.WriteAsync(Frame(type: 4, flags: 0, streamId: 0, []));
        var headers = new MemoryStream();
        foreach (var (name, value) in new[] { (":method", "POST"), (":scheme", "http"), (":path", path), (":authority", address.Authority), ("content-type", "application/grpc"), ("te", "trailers") })
        {
            // HPACK literal header field without indexing, new name, no Huffman coding.
            headers.WriteByte(0);
            WriteString(headers, name);
            WriteString(headers, value);
        }

        await stream.WriteAsync(Frame(type: 1, flags: 0x4, streamId: 1, headers.ToArray()));
        // END_STREAM on the request: a unary handler starts once its request is complete.
        // DATA frames of at most 16 KB, the default SETTINGS_MAX_FRAME_SIZE.
        for (var offset = 0; offset == 0 || offset < grpcFrame.Length; offset += MaxFrameSize)
        {
            var last = offset + MaxFrameSize >= grpcFrame.Length;
            var flags = last && endStream ? (byte)0x1 : (byte)0;
            await stream.WriteAsync(Frame(type: 0, flags, streamId: 1, grpcFrame[offset..Math.Min(grpcFrame.Length, offset + MaxFrameSize)]));
        }

        await stream.FlushAsync();
    }

    /// <summary>Drops the connection without RST_STREAM or GOAWAY.</summary>
    public void Dispose() => _tcp.Dispose();

    private static byte[] Frame(byte type, byte flags, int streamId, byte[] payload)
    {
        var frame = new byte[9 + payload.Length];
        frame[0] = (byte)(payload.Length >> 16);
        frame[1] = (byte)(payload.Length >> 8);
        frame[2] = (byte)payload.Length;
        frame[3] = type;
        frame[4] = flags;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(5), streamId);
        payload.CopyTo(frame, 9);
        return frame;
    }

    private static void WriteString(Stream stream, string value)
    {
        var bytes = Encoding.ASCII.GetBytes(value);
        stream.WriteByte((byte)bytes.Length);
        stream.Write(bytes);
    }
}
