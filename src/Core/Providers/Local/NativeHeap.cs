using System;
using System.Runtime.InteropServices;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// Gives the C heap's free pages back to the system (glibc's <c>malloc_trim</c>). stb_image decodes into
    /// buffers from <c>malloc</c> (through Marshal.AllocHGlobal), a photo's worth each, on whichever pool thread
    /// runs the photo; glibc keeps an arena per thread and returns a freed buffer to the system only when it
    /// lies at an arena's top, so a batch left every arena holding a few megabytes of free but resident pages
    /// (over 50 MB in all across the 16 arenas glibc allows on 2 cores; docs/performance.md). Trimming after each
    /// decode releases them. Elsewhere (Windows, macOS, a C library without <c>malloc_trim</c>) it does nothing.
    /// </summary>
    internal static class NativeHeap
    {
        private static volatile bool unavailable = !RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

        /// <summary>Releases the free pages of every malloc arena: about 1 ms of CPU on a batch's heap (2 cores).</summary>
        public static void Trim()
        {
            if (unavailable)
            {
                return;
            }

            try
            {
                MallocTrim(UIntPtr.Zero);
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
                // musl and other C libraries have no malloc_trim (and need none of this).
                unavailable = true;
            }
        }

        /// <summary>glibc: <c>int malloc_trim(size_t pad)</c>; "libc" is mapped by .NET to the platform's C library.</summary>
        [DllImport("libc", EntryPoint = "malloc_trim")]
        private static extern int MallocTrim(UIntPtr pad);
    }
}
