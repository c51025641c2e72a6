using System;
using System.Reflection;

namespace BankcardOcr.Loading
{
    /// <summary>
    /// A private <c>AssemblyLoadContext</c> driven through reflection. The module is netstandard2.0, which has no
    /// AssemblyLoadContext type to subclass or call, yet on PowerShell 7 (.NET) the type exists at run time; this
    /// is the proxy pattern PSResourceGet and PlatyPS use. On .NET Framework there is no such type and
    /// <see cref="TryCreate"/> returns null.
    /// </summary>
    internal sealed class PrivateLoadContext
    {
        private readonly object _context;
        private readonly Func<string, Assembly> _loadFromPath;

        private PrivateLoadContext(Type contextType, string name)
        {
            // AssemblyLoadContext(string name, bool isCollectible): not collectible, because PowerShell never
            // unloads a module's assemblies and a collectible context forbids some interop the dependencies may use.
            _context = Activator.CreateInstance(contextType, name, false)!;
            var load = contextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) })!;
            _loadFromPath = (Func<string, Assembly>)Delegate.CreateDelegate(typeof(Func<string, Assembly>), _context, load);
        }

        /// <summary>Creates the context on .NET; null on .NET Framework, where it cannot exist.</summary>
        /// <param name="name">The context's name, shown by <c>AssemblyLoadContext.GetLoadContext(...).Name</c>.</param>
        /// <returns>The context, or null.</returns>
        internal static PrivateLoadContext? TryCreate(string name)
        {
            var contextType = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext");
            return contextType is null ? null : new PrivateLoadContext(contextType, name);
        }

        /// <summary>Loads the dll at <paramref name="path"/> into this context.</summary>
        /// <param name="path">The full path of the dll.</param>
        /// <returns>The loaded assembly.</returns>
        internal Assembly LoadFromAssemblyPath(string path) => _loadFromPath(path);

        /// <summary>
        /// Subscribes <paramref name="resolve"/> to the context's <c>Resolving</c> event, raised when an assembly
        /// in this context asks for a dependency that neither this context nor the default one supplies.
        /// </summary>
        /// <param name="resolve">Gets the context and the name asked for; returns the assembly or null.</param>
        internal void OnResolving(Func<object, AssemblyName, Assembly?> resolve)
        {
            var resolving = _context.GetType().GetEvent("Resolving")!;
            // The event's type is Func<AssemblyLoadContext, AssemblyName, Assembly?>; a method taking object
            // binds to it because delegate parameters are contravariant for reference types.
            var handler = Delegate.CreateDelegate(resolving.EventHandlerType!, resolve.Target, resolve.Method);
            resolving.AddEventHandler(_context, handler);
        }
    }
}
