using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Threading;
using BankcardOcr.Calls;

namespace BankcardOcr.Commands
{
    /// <summary>
    /// Turns what the user bound (paths with wildcards, literal paths, URLs, bytes) into recognition inputs,
    /// or into a rejected input carrying an <c>ImageNotFound</c> or <c>InvalidUri</c> error, which the batch reports in its turn. Paths resolve through the
    /// session state, so relative paths follow the PowerShell location and PowerShell drives work.
    /// </summary>
    internal sealed class InputResolver
    {
        private readonly SessionState _session;
        private readonly string? _provider;
        private long _imageCounter;

        public InputResolver(SessionState session, string? provider)
        {
            _session = session;
            _provider = provider;
        }

        public IEnumerable<RecognitionInput> FromUris(IEnumerable<Uri> uris)
        {
            foreach (var uri in uris)
            {
                // Refused per input, in its turn: the other addresses of the batch still go.
                yield return ImageUrlRule.Check(uri, _provider) is BankcardOcrException refused
                    ? RecognitionInput.Rejected(uri?.OriginalString ?? string.Empty, (object?)uri ?? string.Empty, refused)
                    : RecognitionInput.FromUrl(uri!, uri);
            }
        }

        /// <summary>Bytes are labelled with <paramref name="name"/>, or image1, image2, … in the order they arrive.</summary>
        public RecognitionInput FromBytes(byte[] image, string? name)
        {
            var label = name ?? "image" + Interlocked.Increment(ref _imageCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return RecognitionInput.FromBytes(image, label, label);
        }

        public IEnumerable<RecognitionInput> FromLiteralPaths(IEnumerable<string> paths)
        {
            foreach (var path in paths)
            {
                yield return ResolveLiteral(path);
            }
        }

        private RecognitionInput ResolveLiteral(string path)
        {
            if (NotAPath(path) is RecognitionInput url)
            {
                return url;
            }

            try
            {
                var resolved = _session.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
                return provider.Name == "FileSystem"
                    ? CheckFile(resolved, IsProviderQualified(path) ? resolved : path)
                    : NotFound($"'{path}' is not a file-system path.", path);
            }
            catch (Exception e) when (IsPathProblem(e))
            {
                return NotFound($"'{path}' cannot be resolved: {e.Message}", path);
            }
        }

        public IEnumerable<RecognitionInput> FromPaths(IEnumerable<string> paths)
        {
            foreach (var path in paths)
            {
                foreach (var item in ExpandWildcard(path))
                {
                    yield return item;
                }
            }
        }

        private List<RecognitionInput> ExpandWildcard(string path)
        {
            if (NotAPath(path) is RecognitionInput url)
            {
                return new List<RecognitionInput> { url };
            }

            // Resolve-Path output and names like 'card [1].png' arrive here unescaped: when the wildcard reading
            // matches nothing but the literal reading names a file, the user meant that file.
            if (WildcardPattern.ContainsWildcardCharacters(path) && LiteralFileExists(path, out var literal))
            {
                var matches = TryResolve(path);
                if (matches is null || matches.Count == 0)
                {
                    return new List<RecognitionInput> { CheckFile(literal, path) };
                }
            }

            var results = new List<RecognitionInput>();
            try
            {
                var resolved = _session.Path.GetResolvedProviderPathFromPSPath(path, out var provider);
                if (provider.Name != "FileSystem")
                {
                    results.Add(NotFound($"'{path}' is not a file-system path.", path));
                }
                else if (resolved.Count == 0)
                {
                    // Get-ChildItem is silent here, but a job that names files expects to hear that none matched.
                    results.Add(NotFound($"No file matches '{path}'.", path));
                }
                else
                {
                    foreach (var file in resolved)
                    {
                        results.Add(CheckFile(file, file));
                    }
                }
            }
            catch (Exception e) when (IsPathProblem(e))
            {
                results.Add(NotFound($"'{path}' does not exist.", path));
            }

            return results;
        }

        private bool LiteralFileExists(string path, out string fullPath)
        {
            fullPath = string.Empty;
            try
            {
                fullPath = _session.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
                return provider.Name == "FileSystem" && File.Exists(fullPath);
            }
            catch (Exception e) when (IsPathProblem(e))
            {
                return false;
            }
        }

        private System.Collections.ObjectModel.Collection<string>? TryResolve(string path)
        {
            try
            {
                return _session.Path.GetResolvedProviderPathFromPSPath(path, out _);
            }
            catch (Exception e) when (IsPathProblem(e))
            {
                return null;
            }
        }

        /// <summary>A piped file's PSPath (<c>Microsoft.PowerShell.Core\FileSystem::/scans/a.jpg</c>) reads better as the plain path.</summary>
        private static bool IsProviderQualified(string path) => path.IndexOf("::", StringComparison.Ordinal) > 0;

        private RecognitionInput CheckFile(string fullPath, object target)
        {
            if (Directory.Exists(fullPath))
            {
                return NotFound($"'{fullPath}' is a folder; pass the image files in it (for example with Get-ChildItem).", target);
            }

            // Said here, for every provider alike: a decoder would only call it an image it does not know.
            if (IsEmptyFile(fullPath))
            {
                return RecognitionInput.Rejected(
                    fullPath,
                    target,
                    new BankcardOcrException(BankcardOcrErrorKind.UnsupportedImageFormat, "The file is empty (0 bytes); there is no image in it.", _provider));
            }

            // A missing file is reported by the worker that would read it, so its error keeps its place in order.
            return RecognitionInput.FromFile(fullPath, target);
        }

        /// <summary>
        /// True for a file that exists and holds nothing. A length of 0 alone is not proof (procfs and sysfs files report
        /// 0 and have content, or cannot be read at all): such a file is opened and found to end at once, or it is left
        /// to the worker, whose read says what is wrong with it.
        /// </summary>
        private static bool IsEmptyFile(string fullPath)
        {
            try
            {
                var file = new FileInfo(fullPath);
                if (!file.Exists || file.Length != 0)
                {
                    return false;
                }

                using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                return stream.ReadByte() < 0;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>
        /// A path that is an http or https URL, said to be one: the file system would only say it does not exist. The
        /// URL is named without its user information (a secret, UrlUserInfo), also as the target.
        /// </summary>
        private RecognitionInput? NotAPath(string path)
        {
            // A folder named "http:" is possible on Linux and macOS; a file that exists is read whatever its path looks like.
            if (!(path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                || LiteralFileExists(path, out _))
            {
                return null;
            }

            var shown = UrlUserInfo.Remove(path);
            return NotFound($"'{shown}' is a URL, not a file; pass URLs with -Uri (the provider downloads them).", shown);
        }

        private RecognitionInput NotFound(string message, object target) =>
            RecognitionInput.Rejected(target.ToString() ?? string.Empty, target, new BankcardOcrException(BankcardOcrErrorKind.ImageNotFound, message, _provider));

        private static bool IsPathProblem(Exception e) =>
            e is ItemNotFoundException || e is System.Management.Automation.DriveNotFoundException || e is ProviderNotFoundException || e is ArgumentException || e is NotSupportedException;
    }
}
