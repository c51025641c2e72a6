using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace BankcardOcr.Loading
{
    /// <summary>
    /// The module's Dependencies/ folder: every third-party dll the module ships (Polly.Core, the Stb codecs,
    /// System.Threading.RateLimiting, the System.Text.Json family for Windows PowerShell, and any managed
    /// library added later such as the ONNX Runtime binding). Only BankcardOcr.dll and BankcardOcr.Core.dll sit
    /// beside the manifest, because they hold the types users name in scripts and PowerShell 7 resolves type
    /// literals only in the default load context. Nothing in this folder is found by ordinary probing.
    /// </summary>
    internal sealed class DependencyFolder
    {
        /// <summary>The folder's name inside the module folder.</summary>
        internal const string Name = "Dependencies";

        private readonly HashSet<string> _simpleNames;

        /// <summary>Lists the dlls in <paramref name="path"/>; a missing folder ships nothing.</summary>
        /// <param name="path">The full path of the Dependencies folder.</param>
        internal DependencyFolder(string path)
        {
            Path = path;
            // File names, not assembly names read from each file: opening every dll at import costs time,
            // and the layout target copies each package dll under its own assembly name.
            _simpleNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.GetFiles(path, "*.dll"))
                {
                    _simpleNames.Add(System.IO.Path.GetFileNameWithoutExtension(file));
                }
            }
        }

        /// <summary>The full path of the folder.</summary>
        internal string Path { get; }

        /// <summary>Finds the dll named by <paramref name="requestedName"/>, whatever version was asked for.</summary>
        /// <param name="requestedName">The full or simple assembly name asked for.</param>
        /// <returns>The path of the dll, or null when the module does not ship it.</returns>
        internal string? Find(string requestedName)
        {
            string? simpleName;
            try
            {
                simpleName = new AssemblyName(requestedName).Name;
            }
            catch (Exception e) when (e is ArgumentException || e is FileLoadException)
            {
                return null;
            }

            return simpleName is not null && _simpleNames.Contains(simpleName)
                ? System.IO.Path.Combine(Path, simpleName + ".dll")
                : null;
        }
    }
}
