using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace BankcardOcr.Cloud.Credentials
{
    /// <summary>Converts a <see cref="SecureString"/> to UTF-8 bytes without creating a string on the way.</summary>
    public static class SecureStringEncoding
    {
        /// <summary>
        /// Returns the UTF-8 bytes of <paramref name="value"/>. The UTF-16 copy lives in unmanaged memory and a
        /// char array, both cleared before returning; the caller owns (and should clear) the result.
        /// NetworkCredential.Password or Marshal.PtrToStringUni would leave an immutable string in the managed heap
        /// until the GC reuses the memory, which is exactly what SecureString exists to avoid.
        /// </summary>
        /// <param name="value">The secure string.</param>
        /// <returns>The UTF-8 bytes.</returns>
        public static byte[] ToUtf8Bytes(SecureString value)
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            var unmanaged = IntPtr.Zero;
            var chars = new char[value.Length];
            try
            {
                unmanaged = Marshal.SecureStringToGlobalAllocUnicode(value);
                Marshal.Copy(unmanaged, chars, 0, chars.Length);
                return Encoding.UTF8.GetBytes(chars);
            }
            finally
            {
                Array.Clear(chars, 0, chars.Length);
                if (unmanaged != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
                }
            }
        }
    }
}
