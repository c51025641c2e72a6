using System;

namespace BankcardOcr.Providers.Huawei
{
    /// <summary>
    /// Writes a small JSON document straight into UTF-8 bytes, for request bodies that carry a secret. The body
    /// is produced in two passes over the same steps: the first only counts, the second fills one array of
    /// exactly that size. So the secret is copied once, into the array the caller sends and then clears, and no
    /// string or outgrown buffer holding it is left for the garbage collector.
    /// Strings are escaped as RFC 8259 §7 requires: <c>"</c>, <c>\</c> and U+0000–U+001F; everything else,
    /// non-ASCII included, is written as raw UTF-8.
    /// </summary>
    internal sealed class JsonBodyWriter
    {
        private const string HexDigits = "0123456789ABCDEF";
        private readonly byte[]? _buffer;
        private int _position;

        private JsonBodyWriter(byte[]? buffer) => _buffer = buffer;

        /// <summary>Runs <paramref name="write"/> once to measure and once to fill the returned array.</summary>
        public static byte[] Build(Action<JsonBodyWriter> write)
        {
            var counter = new JsonBodyWriter(null);
            write(counter);
            var writer = new JsonBodyWriter(new byte[counter._position]);
            write(writer);
            return writer._buffer!;
        }

        /// <summary>Writes ASCII structure text (braces, names with their quotes) as it is.</summary>
        public void Raw(string ascii)
        {
            foreach (var c in ascii)
            {
                Put((byte)c);
            }
        }

        /// <summary>Writes a quoted, escaped string.</summary>
        public void Text(string value) => Chars(value.ToCharArray(), nameof(value));

        /// <summary>Writes a quoted, escaped string from UTF-16 characters without making a string of them.</summary>
        /// <exception cref="ArgumentException">An unpaired surrogate, which has no UTF-8 form.</exception>
        public void Chars(char[] value, string parameterName)
        {
            Put((byte)'"');
            for (var i = 0; i < value.Length; i++)
            {
                int c = value[i];
                if (c < 0x80)
                {
                    Ascii((byte)c);
                }
                else if (c < 0x800)
                {
                    Put((byte)(0xC0 | (c >> 6)), (byte)(0x80 | (c & 0x3F)));
                }
                else if (c < 0xD800 || c > 0xDFFF)
                {
                    Put((byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F)));
                }
                else if (c <= 0xDBFF && i + 1 < value.Length && value[i + 1] >= 0xDC00 && value[i + 1] <= 0xDFFF)
                {
                    var scalar = 0x10000 + ((c - 0xD800) << 10) + (value[++i] - 0xDC00);
                    Put((byte)(0xF0 | (scalar >> 18)), (byte)(0x80 | ((scalar >> 12) & 0x3F)));
                    Put((byte)(0x80 | ((scalar >> 6) & 0x3F)), (byte)(0x80 | (scalar & 0x3F)));
                }
                else
                {
                    // The message names the position only: the value may be a password.
                    throw new ArgumentException("The text has an unpaired surrogate at position " + i + ".", parameterName);
                }
            }

            Put((byte)'"');
        }

        /// <summary>Writes a quoted, escaped string from UTF-8 bytes, which must be well-formed.</summary>
        /// <exception cref="ArgumentException">The bytes are not well-formed UTF-8.</exception>
        public void Utf8(byte[] value, string parameterName)
        {
            Put((byte)'"');
            var i = 0;
            while (i < value.Length)
            {
                var length = SequenceLength(value, i);
                if (length == 0)
                {
                    throw new ArgumentException("The bytes are not valid UTF-8 at offset " + i + ".", parameterName);
                }

                if (length == 1)
                {
                    Ascii(value[i]);
                }
                else
                {
                    for (var k = 0; k < length; k++)
                    {
                        Put(value[i + k]);
                    }
                }

                i += length;
            }

            Put((byte)'"');
        }

        private void Ascii(byte c)
        {
            switch (c)
            {
                case (byte)'"': Put((byte)'\\', (byte)'"'); break;
                case (byte)'\\': Put((byte)'\\', (byte)'\\'); break;
                case (byte)'\b': Put((byte)'\\', (byte)'b'); break;
                case (byte)'\f': Put((byte)'\\', (byte)'f'); break;
                case (byte)'\n': Put((byte)'\\', (byte)'n'); break;
                case (byte)'\r': Put((byte)'\\', (byte)'r'); break;
                case (byte)'\t': Put((byte)'\\', (byte)'t'); break;
                default:
                    if (c < 0x20)
                    {
                        Put((byte)'\\', (byte)'u', (byte)'0');
                        Put((byte)'0', (byte)HexDigits[c >> 4], (byte)HexDigits[c & 0xF]);
                    }
                    else
                    {
                        Put(c);
                    }

                    break;
            }
        }

        /// <summary>
        /// The length of the well-formed UTF-8 sequence at <paramref name="i"/>, or 0 when it is not one
        /// (overlong forms, surrogates and values above U+10FFFF are refused, per RFC 3629 §4).
        /// </summary>
        private static int SequenceLength(byte[] s, int i)
        {
            var b = s[i];
            if (b < 0x80)
            {
                return 1;
            }

            int length, low = 0x80, high = 0xBF;
            if (b >= 0xC2 && b <= 0xDF)
            {
                length = 2;
            }
            else if (b >= 0xE0 && b <= 0xEF)
            {
                length = 3;
                low = b == 0xE0 ? 0xA0 : 0x80;
                high = b == 0xED ? 0x9F : 0xBF;
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                length = 4;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF;
            }
            else
            {
                return 0;
            }

            if (i + length > s.Length || s[i + 1] < low || s[i + 1] > high)
            {
                return 0;
            }

            for (var k = 2; k < length; k++)
            {
                if (s[i + k] < 0x80 || s[i + k] > 0xBF)
                {
                    return 0;
                }
            }

            return length;
        }

        private void Put(byte a)
        {
            if (_buffer != null)
            {
                _buffer[_position] = a;
            }

            _position++;
        }

        private void Put(byte a, byte b)
        {
            Put(a);
            Put(b);
        }

        private void Put(byte a, byte b, byte c)
        {
            Put(a);
            Put(b);
            Put(c);
        }
    }
}
