using System;
using System.IO;

namespace BankcardOcr.Imaging
{
    /// <summary>
    /// Random access to the first bytes of an image, over an array or a stream, so the header readers
    /// fetch only what they need: a JPEG's APPn segments are skipped, not read.
    /// </summary>
    internal abstract class HeaderSource
    {
        /// <summary>Total length, or null when the stream cannot tell.</summary>
        public abstract long? Length { get; }

        /// <summary>Exactly <paramref name="count"/> bytes at <paramref name="offset"/>, or null when the data ends first or cannot be reached.</summary>
        public abstract byte[]? Read(long offset, int count);

        public static HeaderSource Over(byte[] data) => new ArraySource(data);

        public static HeaderSource Over(Stream stream) =>
            stream.CanSeek ? new SeekableStreamSource(stream) : (HeaderSource)new ForwardStreamSource(stream);

        private static int ReadFully(Stream stream, byte[] buffer, int offset, int count)
        {
            // Stream.Read may return fewer bytes than asked before the end (network and pipe streams do).
            var total = 0;
            while (total < count)
            {
                var read = stream.Read(buffer, offset + total, count - total);
                if (read <= 0)
                {
                    break;
                }

                total += read;
            }

            return total;
        }

        private sealed class ArraySource : HeaderSource
        {
            private readonly byte[] data;

            public ArraySource(byte[] data) => this.data = data;

            public override long? Length => data.Length;

            public override byte[]? Read(long offset, int count)
            {
                if (offset < 0 || count < 0 || offset > data.Length - (long)count)
                {
                    return null;
                }

                var result = new byte[count];
                Buffer.BlockCopy(data, (int)offset, result, 0, count);
                return result;
            }
        }

        /// <summary>Offsets are relative to the position the stream had when sniffing began.</summary>
        private sealed class SeekableStreamSource : HeaderSource
        {
            private readonly Stream stream;
            private readonly long origin;

            public SeekableStreamSource(Stream stream)
            {
                this.stream = stream;
                origin = stream.Position;
            }

            public override long? Length => Math.Max(0, stream.Length - origin);

            public override byte[]? Read(long offset, int count)
            {
                if (offset < 0 || count < 0 || offset > stream.Length - origin - count)
                {
                    return null;
                }

                stream.Position = origin + offset;
                var result = new byte[count];
                return ReadFully(stream, result, 0, count) == count ? result : null;
            }
        }

        /// <summary>
        /// A stream that cannot seek: the first <see cref="HeadSize"/> bytes are kept, later reads only move
        /// forward (skipping by reading), which is the order every header reader here asks in.
        /// </summary>
        private sealed class ForwardStreamSource : HeaderSource
        {
            private const int HeadSize = 4096;

            // A garbage TIFF offset could otherwise make sniffing read a whole network stream to its end.
            private const long MaxSkip = 16L * 1024 * 1024;

            private readonly Stream stream;
            private readonly byte[] head;
            private readonly int headLength;
            private long position;

            public ForwardStreamSource(Stream stream)
            {
                this.stream = stream;
                head = new byte[HeadSize];
                headLength = ReadFully(stream, head, 0, HeadSize);
                position = headLength;
            }

            public override long? Length => headLength < HeadSize ? headLength : (long?)null;

            public override byte[]? Read(long offset, int count)
            {
                if (offset < 0 || count < 0)
                {
                    return null;
                }

                var result = new byte[count];
                if (offset + count <= headLength)
                {
                    Buffer.BlockCopy(head, (int)offset, result, 0, count);
                    return result;
                }

                var filled = 0;
                if (offset < position)
                {
                    // Only a read that starts in the kept head and runs past it can be served; bytes between
                    // the head and the current position are gone.
                    if (offset >= headLength || position != headLength)
                    {
                        return null;
                    }

                    filled = headLength - (int)offset;
                    Buffer.BlockCopy(head, (int)offset, result, 0, filled);
                }
                else if (!Skip(offset - position))
                {
                    return null;
                }

                var read = ReadFully(stream, result, filled, count - filled);
                position += read;
                return filled + read == count ? result : null;
            }

            private bool Skip(long bytes)
            {
                if (bytes > MaxSkip)
                {
                    return false;
                }

                var scratch = new byte[(int)Math.Min(bytes, 81920)];
                while (bytes > 0)
                {
                    var read = ReadFully(stream, scratch, 0, (int)Math.Min(bytes, scratch.Length));
                    if (read == 0)
                    {
                        return false;
                    }

                    position += read;
                    bytes -= read;
                }

                return true;
            }
        }
    }
}
