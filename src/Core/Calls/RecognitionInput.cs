using System;

namespace BankcardOcr.Calls
{
    /// <summary>How an image reaches the provider.</summary>
    public enum RecognitionInputKind
    {
        /// <summary>A local file, read when its turn comes.</summary>
        File,
        /// <summary>Bytes already in memory.</summary>
        Bytes,
        /// <summary>A URL the provider downloads itself.</summary>
        Url,

        /// <summary>
        /// An input refused before any work (a path that matches nothing, a folder, a relative URL): it takes its
        /// turn like the others and yields its error, so order and counts hold for every input.
        /// </summary>
        Rejected,
    }

    /// <summary>One image to recognise, as the user gave it. Nothing is read until a worker takes it.</summary>
    public sealed class RecognitionInput
    {
        private RecognitionInput(RecognitionInputKind kind, string source, object target)
        {
            Kind = kind;
            // A URL's user information is a secret (UrlUserInfo): whatever labels or points at the input goes without it.
            Source = UrlUserInfo.Remove(source);
            TargetObject = target is Uri url ? UrlUserInfo.Remove(url) : target;
        }

        /// <summary>File, bytes or URL.</summary>
        public RecognitionInputKind Kind { get; }

        /// <summary>The label results carry: full path, URL (without any user information), or the name given for bytes.</summary>
        public string Source { get; }

        /// <summary>What an error record points at: the user's own input object; a URL without its user information.</summary>
        public object TargetObject { get; }

        /// <summary>The full file-system path, for <see cref="RecognitionInputKind.File"/>.</summary>
        public string? FilePath { get; private set; }

        /// <summary>The image bytes, for <see cref="RecognitionInputKind.Bytes"/>.</summary>
        public byte[]? Bytes { get; private set; }

        /// <summary>The image URL as given, user information included, for the provider that downloads it (<see cref="RecognitionInputKind.Url"/>).</summary>
        public Uri? Url { get; private set; }

        /// <summary>An image in a local file.</summary>
        /// <param name="fullPath">The resolved file-system path.</param>
        /// <param name="target">The user's input, for error records; the path when null.</param>
        public static RecognitionInput FromFile(string fullPath, object? target = null) =>
            new RecognitionInput(RecognitionInputKind.File, fullPath, target ?? fullPath) { FilePath = fullPath };

        /// <summary>An image in memory.</summary>
        /// <param name="bytes">The encoded image.</param>
        /// <param name="name">The label for results and errors.</param>
        /// <param name="target">The user's input, for error records; the name when null.</param>
        public static RecognitionInput FromBytes(byte[] bytes, string name, object? target = null) =>
            new RecognitionInput(RecognitionInputKind.Bytes, name, target ?? name) { Bytes = bytes ?? throw new ArgumentNullException(nameof(bytes)) };

        /// <summary>An image the provider downloads.</summary>
        /// <param name="url">An absolute http or https URL.</param>
        /// <param name="target">The user's input, for error records; the URL when null.</param>
        public static RecognitionInput FromUrl(Uri url, object? target = null)
        {
            if (ImageUrlRule.Check(url, null) is BankcardOcrException refused)
            {
                throw new ArgumentException(refused.Message, nameof(url));
            }

            return new RecognitionInput(RecognitionInputKind.Url, url!.AbsoluteUri, target ?? url) { Url = url };
        }

        /// <summary>Why a <see cref="RecognitionInputKind.Rejected"/> input was refused.</summary>
        public BankcardOcrException? Rejection { get; private set; }

        /// <summary>An input refused before any work; it yields <paramref name="reason"/> as its outcome.</summary>
        /// <param name="source">The label for the error, e.g. the path as given.</param>
        /// <param name="target">The user's input, for the error record.</param>
        /// <param name="reason">The error to report.</param>
        public static RecognitionInput Rejected(string source, object target, BankcardOcrException reason) =>
            new RecognitionInput(RecognitionInputKind.Rejected, source, target) { Rejection = reason ?? throw new ArgumentNullException(nameof(reason)) };

        /// <summary>The source label, never the image bytes.</summary>
        public override string ToString() => Source;
    }
}
