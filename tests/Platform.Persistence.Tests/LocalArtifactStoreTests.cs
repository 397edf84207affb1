using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using Platform.Persistence.Artifacts;
using Platform.TestSupport;

namespace Platform.Persistence.Tests;

public sealed class LocalArtifactStoreTests
{
    [Fact]
    public async Task ContentIsStoredOnceUnderItsSha256()
    {
        using var root = new TempDirectory();
        var store = new LocalArtifactStore(root.Path);
        var bytes = Encoding.UTF8.GetBytes("weights");

        var a = await store.PutAsync(bytes);
        var b = await store.PutAsync(bytes);

        a.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        b.Should().Be(a);
        a.Size.Should().Be(bytes.Length);
        await using var read = store.Open(a.Sha256);
        new StreamReader(read).ReadToEnd().Should().Be("weights");
        Directory.GetFiles(Path.Combine(root.Path, "artifacts", "tmp")).Should().BeEmpty();
    }

    [Fact]
    public async Task AFailedWriteLeavesNothingUnderAFinalName()
    {
        using var root = new TempDirectory();
        var store = new LocalArtifactStore(root.Path);

        var act = () => store.PutAsync(new FailingStream());

        await act.Should().ThrowAsync<IOException>();
        Directory.GetFiles(Path.Combine(root.Path, "artifacts"), "*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public void OpeningMissingContentSaysWhatIsMissing()
    {
        using var root = new TempDirectory();
        var store = new LocalArtifactStore(root.Path);

        var act = () => store.Open(new string('0', 64));
        var bad = () => store.Open("../../etc/passwd");

        act.Should().Throw<FileNotFoundException>().WithMessage("*0000*not in the store*");
        bad.Should().Throw<ArgumentException>().WithMessage("*not a sha256*");
    }

    private sealed class FailingStream : Stream
    {
        private int reads;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) =>
            reads++ == 0 ? (buffer[offset] = 1) : throw new IOException("disk gone");
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
