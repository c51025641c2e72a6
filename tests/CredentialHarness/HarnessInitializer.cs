using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using BankcardOcr.Secrets;

namespace BankcardOcr.Tests.CredentialHarness
{
    /// <summary>
    /// The harness sits beside the tests, not in out/BankcardOcr, so the runtime would look for BankcardOcr.Core
    /// beside the tests too. Answer such requests from the imported module's folder instead, so the harness uses
    /// exactly the assemblies a user's session loads.
    /// </summary>
    public sealed class HarnessInitializer : IModuleAssemblyInitializer
    {
        /// <summary>Hooks the resolver once per process.</summary>
        public void OnImport()
        {
            AppDomain.CurrentDomain.AssemblyResolve -= FromModuleFolder;
            AppDomain.CurrentDomain.AssemblyResolve += FromModuleFolder;
        }

        private static Assembly? FromModuleFolder(object sender, ResolveEventArgs args)
        {
            // typeof on a Module type is safe here: BankcardOcr.dll itself is loaded by Import-Module BankcardOcr.
            var folder = Path.GetDirectoryName(typeof(CredentialRequest).Assembly.Location) ?? "";
            var path = Path.Combine(folder, new AssemblyName(args.Name).Name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
