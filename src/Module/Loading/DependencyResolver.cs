using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace BankcardOcr.Loading
{
    /// <summary>
    /// Answers the module's requests for its third-party dependencies with the copies in Dependencies/.
    /// <list type="bullet">
    /// <item>PowerShell 7 (.NET): loads them into one private load context, so another module's copy of the
    /// same library in the default context (older, or loaded later) cannot break the module, nor ours break
    /// it. Requests reach here when the default context has no usable copy: none loaded, or a lower version.</item>
    /// <item>Windows PowerShell 5.1 (.NET Framework): <c>Assembly.LoadFrom</c>, whatever version was asked for,
    /// because strong-named assemblies bind by exact version there and a module cannot ship binding redirects
    /// (System.Memory asks for System.Runtime.CompilerServices.Unsafe 4.0.4.1 beside the 6.0 copy).</item>
    /// </list>
    /// </summary>
    internal sealed class DependencyResolver
    {
        private readonly string _moduleDirectory;
        private readonly DependencyFolder _dependencies;
        private readonly PrivateLoadContext? _context;
        private readonly Dictionary<string, Assembly> _loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Creates the resolver for the module in <paramref name="moduleDirectory"/>.</summary>
        /// <param name="moduleDirectory">The folder holding BankcardOcr.dll.</param>
        /// <param name="context">The private load context on .NET; null on .NET Framework.</param>
        internal DependencyResolver(string moduleDirectory, PrivateLoadContext? context)
        {
            _moduleDirectory = moduleDirectory;
            _dependencies = new DependencyFolder(Path.Combine(moduleDirectory, DependencyFolder.Name));
            _context = context;
            // A dependency loaded into the private context asks for its own dependencies (Polly.Core for
            // Microsoft.Bcl.TimeProvider) through that context; the runtime tries the default context first
            // and raises this event only when it has nothing usable.
            _context?.OnResolving(ResolveForContext);
        }

        /// <summary>The handler for <c>AppDomain.AssemblyResolve</c>.</summary>
        /// <param name="sender">Unused.</param>
        /// <param name="args">The name asked for and, on .NET, the assembly that asked.</param>
        /// <returns>The module's copy, or null to let other handlers answer.</returns>
        internal Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
        {
            // On .NET the requesting assembly is always known: answer only the module's own requests, so another
            // module asking for Polly.Core is never handed this module's private copy. .NET Framework often leaves
            // it null, and there the name alone decides, as the 5.1 resolver always did.
            if (_context is not null && args.RequestingAssembly is not null && !IsModuleAssembly(args.RequestingAssembly))
            {
                return null;
            }

            return Load(args.Name);
        }

        private Assembly? ResolveForContext(object context, AssemblyName name) => Load(name.FullName);

        private Assembly? Load(string requestedName)
        {
            var path = _dependencies.Find(requestedName);
            if (path is null)
            {
                return null;
            }

            // Loading one path twice into a context fails, and two threads may ask at once.
            lock (_loaded)
            {
                if (!_loaded.TryGetValue(path, out var assembly))
                {
                    assembly = _context is null ? Assembly.LoadFrom(path) : _context.LoadFromAssemblyPath(path);
                    _loaded.Add(path, assembly);
                }

                return assembly;
            }
        }

        private bool IsModuleAssembly(Assembly assembly)
        {
            if (assembly.IsDynamic || string.IsNullOrEmpty(assembly.Location))
            {
                return false;
            }

            var folder = Path.GetDirectoryName(assembly.Location);
            return PathEquals(folder, _moduleDirectory) || PathEquals(folder, _dependencies.Path);
        }

        private static bool PathEquals(string? a, string b) =>
            string.Equals(a?.TrimEnd(Path.DirectorySeparatorChar), b.TrimEnd(Path.DirectorySeparatorChar), StringComparison.OrdinalIgnoreCase);
    }
}
