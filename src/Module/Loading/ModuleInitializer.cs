using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace BankcardOcr.Loading
{
    /// <summary>
    /// Runs when the module is imported and removed: hooks the resolver that loads the module's third-party
    /// dependencies from Dependencies/ (a private load context on PowerShell 7, <c>LoadFrom</c> on Windows
    /// PowerShell 5.1; see <see cref="DependencyResolver"/> and docs/design.md, "Dependencies").
    /// </summary>
    /// <remarks>
    /// Nothing here may name a type from a dependency or from BankcardOcr.Core's dependency-using code: the
    /// resolver is not hooked yet while this class is being initialised.
    /// </remarks>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty;

        // One context for the process, created on the first request rather than at import (import time is
        // measured against an empty module): PowerShell never unloads the module's assemblies, so a re-import
        // (Import-Module -Force) must find the copies it loaded before.
        private static readonly Lazy<DependencyResolver> Resolver =
            new Lazy<DependencyResolver>(() => new DependencyResolver(ModuleDirectory, PrivateLoadContext.TryCreate("BankcardOcr")));

        /// <summary>Hooks the resolver.</summary>
        public void OnImport()
        {
            // Unhook first, so a re-import in the same process does not hook it twice.
            AppDomain.CurrentDomain.AssemblyResolve -= ResolveDependency;
            AppDomain.CurrentDomain.AssemblyResolve += ResolveDependency;
        }

        /// <summary>Unhooks the resolver when the module is removed.</summary>
        /// <param name="psModuleInfo">The module being removed.</param>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= ResolveDependency;
        }

        private static Assembly? ResolveDependency(object? sender, ResolveEventArgs args) => Resolver.Value.OnAssemblyResolve(sender, args);
    }
}
