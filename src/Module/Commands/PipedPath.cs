using System;
using System.IO;

namespace BankcardOcr.Commands
{
    /// <summary>
    /// A path piped by value to <c>Invoke-BankcardRecognition</c> (its hidden, dynamic <c>-PathInput</c>: see
    /// <see cref="InputParameters"/>). PowerShell converts
    /// only strings and file-system items to this type, never an arbitrary object: a row such as
    /// <c>[pscustomobject]@{ Uri = … }</c> then fails this binding quietly and binds by its property names instead,
    /// where a <c>string</c> parameter took it as the text '@{Uri=…}'.
    /// </summary>
    public sealed class PipedPath
    {
        /// <summary>A path string; wildcards expand as for <c>-Path</c>.</summary>
        public PipedPath(string path)
        {
            Value = path ?? throw new ArgumentNullException(nameof(path));
        }

        /// <summary>A file-system item without a PSPath (e.g. <c>[IO.FileInfo]'a.jpg'</c>), taken literally.</summary>
        public PipedPath(FileSystemInfo item)
        {
            Value = (item ?? throw new ArgumentNullException(nameof(item))).FullName;
            IsLiteral = true;
        }

        /// <summary>The path as piped.</summary>
        public string Value { get; }

        /// <summary>True when <see cref="Value"/> is a full path that must not be read as a wildcard.</summary>
        public bool IsLiteral { get; }

        /// <inheritdoc />
        public override string ToString() => Value;
    }
}
