using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace BankcardOcr
{
    /// <summary>
    /// Runs when the module is imported and removed. On Windows PowerShell 5.1 (.NET Framework) a
    /// strong-named dependency is bound by exact version and a module cannot ship binding redirects, so
    /// System.Memory asking for System.Runtime.CompilerServices.Unsafe 4.0.4.1 would fail beside the 6.0
    /// copy in the module folder. The resolver answers such requests with the copy in this folder. On .NET
    /// (PowerShell 7) the runtime and PowerShell's own module probing resolve everything; nothing is hooked.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty;

        private static readonly bool IsNetFramework =
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        /// <summary>Hooks the resolver on .NET Framework.</summary>
        public void OnImport()
        {
            if (IsNetFramework)
            {
                AppDomain.CurrentDomain.AssemblyResolve += ResolveFromModuleFolder;
            }
        }

        /// <summary>Unhooks the resolver when the module is removed.</summary>
        /// <param name="psModuleInfo">The module being removed.</param>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (IsNetFramework)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromModuleFolder;
            }
        }

        /// <summary>Finds the dll named by <paramref name="requestedName"/> in the module folder, whatever its version.</summary>
        /// <param name="moduleDirectory">The folder holding the module's assemblies.</param>
        /// <param name="requestedName">The full or simple assembly name asked for.</param>
        /// <returns>The path of the dll, or null when the module does not ship it.</returns>
        internal static string? FindInModuleFolder(string moduleDirectory, string requestedName)
        {
            var simpleName = new AssemblyName(requestedName).Name;
            if (string.IsNullOrEmpty(simpleName) || simpleName!.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                return null;
            }

            var candidate = Path.Combine(moduleDirectory, simpleName + ".dll");
            return File.Exists(candidate) ? candidate : null;
        }

        private static Assembly? ResolveFromModuleFolder(object sender, ResolveEventArgs args)
        {
            // Only answer for what this module ships; other modules' requests are not ours to satisfy.
            var path = FindInModuleFolder(ModuleDirectory, args.Name);
            return path is null ? null : Assembly.LoadFrom(path);
        }
    }
}
