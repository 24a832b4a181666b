using Microsoft.ML.Data;

namespace NmiGate.Core.Scoring;

/// <summary>
/// The first bytes of a data file as an ML.NET source: the stored loader reads the rows that
/// <see cref="ScoringRun"/> cross-checks and then meets the end. A text loader's cursor stopped
/// before the end of its file takes about 0.1 s to dispose (its reading threads wind down), and
/// the scoring loop would wait for it; at the end of its input it stops at once.
/// </summary>
internal sealed class FilePrefixSource : IMultiStreamSource
{
    private readonly string path;
    private readonly long length;

    private FilePrefixSource(string path, long length)
    {
        this.path = path;
        this.length = length;
    }

    public int Count => 1;

    /// <summary>
    /// A source over <paramref name="path"/> up to the end of the line holding its
    /// <paramref name="lines"/>-th non-empty line, or null when that is the whole file (or the file
    /// is not UTF-8 / ASCII, whose line ends a byte count cannot find).
    /// </summary>
    public static FilePrefixSource? ForLines(string path, int lines)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        var offset = 0L;
        var seen = 0;
        var lineHasText = false;
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            if (offset == 0 && read >= 2 && (buffer[0], buffer[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
            {
                return null; // UTF-16: a '\n' byte is not a line end
            }

            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (b == (byte)'\n')
                {
                    seen += lineHasText ? 1 : 0;
                    lineHasText = false;
                    if (seen == lines)
                    {
                        var end = offset + i + 1;
                        return end < file.Length ? new FilePrefixSource(path, end) : null;
                    }
                }
                else if (b != (byte)'\r')
                {
                    lineHasText = true;
                }
            }

            offset += read;
        }

        return null;
    }

    public string GetPathOrNull(int index) => path;

    public Stream Open(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(index, 0);
        return new PrefixStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan), length);
    }

    public TextReader OpenTextReader(int index) => new StreamReader(Open(index));

    /// <summary>A read-only view of the first bytes of a stream.</summary>
    private sealed class PrefixStream(Stream inner, long length) : Stream
    {
        private long left = length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
            left -= read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
