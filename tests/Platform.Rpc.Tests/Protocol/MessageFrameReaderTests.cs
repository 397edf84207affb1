using System.Buffers;
using System.IO.Pipelines;
using Google.Protobuf;
using Platform.Rpc.Protocol;
using Platform.Testing.V1;

namespace Platform.Rpc.Tests.Protocol;

public sealed class MessageFrameReaderTests
{
    [Fact]
    public async Task ReadsMessagesSplitAcrossManySmallWrites()
    {
        var buffer = new ArrayBufferWriter<byte>();
        MessageFrameWriter.Write(buffer, new EchoRequest { Message = "first" }, int.MaxValue, null);
        MessageFrameWriter.Write(buffer, new EchoRequest { Message = new string('x', 5000) }, int.MaxValue, System.IO.Compression.CompressionLevel.Fastest);
        var pipe = new Pipe();
        foreach (var b in buffer.WrittenSpan.ToArray())
        {
            await pipe.Writer.WriteAsync(new[] { b });
        }

        await pipe.Writer.CompleteAsync();

        var first = await MessageFrameReader.ReadAsync(pipe.Reader, EchoRequest.Parser, 1 << 20, gzipEncoded: true, default);
        var second = await MessageFrameReader.ReadAsync(pipe.Reader, EchoRequest.Parser, 1 << 20, gzipEncoded: true, default);
        var end = await MessageFrameReader.ReadAsync(pipe.Reader, EchoRequest.Parser, 1 << 20, gzipEncoded: true, default);

        first!.Message.Should().Be("first");
        second!.Message.Should().HaveLength(5000);
        end.Should().BeNull();
    }

    [Fact]
    public void WriterRefusesMessagesOverTheLimitBeforeWritingAnything()
    {
        var buffer = new ArrayBufferWriter<byte>();

        var act = () => MessageFrameWriter.Write(buffer, new EchoRequest { Payload = ByteString.CopyFrom(new byte[100]) }, 50, null);

        act.Should().Throw<RpcException>().Which.StatusCode.Should().Be(StatusCode.ResourceExhausted);
        buffer.WrittenCount.Should().Be(0);
    }
}
