using System;

namespace BankcardOcr.Cloud
{
    /// <summary>
    /// Copies a caller's secret key for one signing operation. The caller's array is never changed or zeroed;
    /// the copy is the signer's to clear when it is done.
    /// </summary>
    internal static class SigningKeyBytes
    {
        /// <summary>
        /// Returns <paramref name="prefix"/> followed by <paramref name="secretKey"/> without leading or trailing
        /// ASCII whitespace. Tencent rejects a key with stray whitespace as a bad signature
        /// (docs/tencentcloud.md §3, tencentcloud-sdk-ruby#9), and a key pasted from a console often carries a newline.
        /// </summary>
        /// <exception cref="ArgumentNullException">The key is null.</exception>
        /// <exception cref="ArgumentException">The key is empty or only whitespace.</exception>
        public static byte[] CopyTrimmed(byte[] secretKey, string parameterName, byte[]? prefix = null)
        {
            if (secretKey is null)
            {
                throw new ArgumentNullException(parameterName);
            }

            var start = 0;
            var end = secretKey.Length;
            while (start < end && IsAsciiWhitespace(secretKey[start]))
            {
                start++;
            }

            while (end > start && IsAsciiWhitespace(secretKey[end - 1]))
            {
                end--;
            }

            if (end == start)
            {
                // An unset environment variable arrives as an empty key and would only surface later as a
                // signature failure from the service (tencentcloud-sdk-dotnet#290).
                throw new ArgumentException("The secret key is empty.", parameterName);
            }

            var prefixLength = prefix?.Length ?? 0;
            var copy = new byte[prefixLength + end - start];
            if (prefix is not null)
            {
                Buffer.BlockCopy(prefix, 0, copy, 0, prefixLength);
            }

            Buffer.BlockCopy(secretKey, start, copy, prefixLength, end - start);
            return copy;
        }

        private static bool IsAsciiWhitespace(byte b) => b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n';
    }
}
