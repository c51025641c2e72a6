using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// Makes the ONNX Runtime assembly find its native library in the module folder
    /// (<c>runtimes/&lt;rid&gt;/native/</c>). PowerShell gives a netstandard2.0 module no runtimes/ probing of its own,
    /// so on .NET the assembly's <c>DllImport("onnxruntime")</c> is routed through NativeLibrary's resolver, and on
    /// .NET Framework (Windows PowerShell 5.1) the DLL is loaded by full path first, after which Windows finds it by
    /// name. Everything about native loading stays in this class, so it works whichever load context the ONNX
    /// Runtime assembly ends up in: the resolver is set on that assembly itself.
    /// </summary>
    internal static class OnnxNativeLoader
    {
        private static readonly object Gate = new object();
        private static string? loadedFrom;

        /// <summary>The platform as the package names it, e.g. <c>linux-x64</c>; null for a platform not shipped.</summary>
        public static string? RuntimeId
        {
            get
            {
                string os;
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    os = "win";
                }
                else if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
                {
                    os = "linux";
                }
                else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
                {
                    os = "osx";
                }
                else
                {
                    return null;
                }

                var arch = RuntimeInformation.ProcessArchitecture switch
                {
                    Architecture.X64 => "x64",
                    Architecture.Arm64 => "arm64",
                    _ => null,
                };
                var rid = arch is null ? null : os + "-" + arch;
                return rid == "osx-x64" ? null : rid;
            }
        }

        /// <summary>A description of this platform for error messages, e.g. <c>Linux X64 (.NET 8.0.1)</c>.</summary>
        public static string PlatformDescription =>
            $"{RuntimeInformation.OSDescription.Trim()} {RuntimeInformation.ProcessArchitecture} ({RuntimeInformation.FrameworkDescription.Trim()})";

        /// <summary>
        /// Points the ONNX Runtime assembly at the native library under <paramref name="moduleDirectory"/>. Idempotent;
        /// throws <see cref="BankcardOcrException"/> (ProviderError) naming the platform when there is none for it.
        /// </summary>
        public static void Prepare(string moduleDirectory)
        {
            lock (Gate)
            {
                if (loadedFrom != null)
                {
                    return;
                }

                var rid = RuntimeId ?? throw Unavailable("the module ships ONNX Runtime for win-x64, win-arm64, linux-x64, linux-arm64 and osx-arm64 only");
                var file = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "onnxruntime.dll"
                    : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "libonnxruntime.dylib" : "libonnxruntime.so";
                var path = Path.Combine(Path.Combine(Path.Combine(Path.Combine(moduleDirectory, "runtimes"), rid), "native"), file);
                if (!File.Exists(path))
                {
                    throw Unavailable($"{path} is missing; reinstall the module");
                }

                var ortAssembly = typeof(Microsoft.ML.OnnxRuntime.InferenceSession).Assembly;
                var nativeLibrary = Type.GetType("System.Runtime.InteropServices.NativeLibrary, System.Runtime.InteropServices", throwOnError: false);
                try
                {
                    if (nativeLibrary != null)
                    {
                        UseResolver(nativeLibrary, ortAssembly, path);
                    }
                    else if (LoadLibraryW(path) == IntPtr.Zero)
                    {
                        throw Unavailable($"{path} did not load (Windows error {Marshal.GetLastWin32Error()})");
                    }
                }
                catch (Exception e) when (!(e is BankcardOcrException))
                {
                    throw Unavailable($"{path} did not load: {(e as TargetInvocationException)?.InnerException?.Message ?? e.Message}", e);
                }

                loadedFrom = path;
            }
        }

        internal static BankcardOcrException Unavailable(string why, Exception? inner = null) =>
            new BankcardOcrException(
                BankcardOcrErrorKind.ProviderError,
                $"The Local recognizer cannot run on {PlatformDescription}: {why}. Use a cloud provider (-Provider Tencent, TencentLegacy or Huawei) on this machine.",
                "Local",
                innerException: inner);

        /// <summary>
        /// Loads the library now (so a broken file fails here, with the platform named, rather than at the first
        /// inference) and answers the assembly's later <c>DllImport("onnxruntime")</c> lookups with it.
        /// </summary>
        private static void UseResolver(Type nativeLibrary, Assembly ortAssembly, string path)
        {
            var load = nativeLibrary.GetMethod("Load", new[] { typeof(string) })!;
            var handle = (IntPtr)load.Invoke(null, new object[] { path })!;
            var resolverType = Type.GetType("System.Runtime.InteropServices.DllImportResolver, System.Runtime.InteropServices", throwOnError: true)!;
            var resolver = Delegate.CreateDelegate(resolverType, new Resolver(handle), typeof(Resolver).GetMethod(nameof(Resolver.Resolve))!);
            var set = nativeLibrary.GetMethod("SetDllImportResolver", new[] { typeof(Assembly), resolverType })!;
            try
            {
                set.Invoke(null, new object[] { ortAssembly, resolver });
            }
            catch (TargetInvocationException e) when (e.InnerException is InvalidOperationException)
            {
                // Set already for this assembly (by an earlier copy of this module in the process): that one serves.
            }
        }

        [DllImport("kernel32", SetLastError = true, CharSet = CharSet.Unicode)]
        private static extern IntPtr LoadLibraryW(string path);

        /// <summary>The resolver's target; public so the delegate can bind to it through reflection.</summary>
        private sealed class Resolver
        {
            private readonly IntPtr _handle;

            public Resolver(IntPtr handle) => _handle = handle;

            /// <summary>The loaded library for "onnxruntime"; anything else takes the default search.</summary>
            public IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
                libraryName == "onnxruntime" || libraryName == "libonnxruntime" ? _handle : IntPtr.Zero;
        }
    }
}
