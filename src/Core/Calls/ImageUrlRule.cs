using System;

namespace BankcardOcr.Calls
{
    /// <summary>
    /// Which image addresses a provider is asked to download: absolute http and https only. A file:, ftp: or
    /// data: address, or text that is no address at all, is the caller's mistake (InvalidUri, category
    /// InvalidArgument), decided before any request, and not a missing image.
    /// </summary>
    public static class ImageUrlRule
    {
        /// <summary>The schemes accepted, as named in the error.</summary>
        public const string AcceptedSchemes = "http and https";

        // A data: URL can carry a whole image; the message needs only its start.
        private const int LongestShown = 80;

        /// <summary>Null when <paramref name="url"/> may be sent to a provider, else the error to report for it.</summary>
        /// <param name="url">The address as the user gave it.</param>
        /// <param name="provider">The provider's name for the error, or null.</param>
        public static BankcardOcrException? Check(Uri? url, string? provider)
        {
            if (url != null && url.IsAbsoluteUri
                && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                && url.Host.Length > 0)
            {
                return null;
            }

            var why = url is null ? "No address was given"
                : !url.IsAbsoluteUri ? $"'{Shown(url)}' is not an absolute URL"
                : $"'{Shown(url)}' uses the {url.Scheme}: scheme";
            return new BankcardOcrException(
                BankcardOcrErrorKind.InvalidUri,
                $"{why}; -Uri accepts only absolute {AcceptedSchemes} URLs (http://… or https://…).",
                provider);
        }

        private static string Shown(Uri url)
        {
            // OriginalString keeps what the user typed; any user:password part is left out.
            // A relative URL is unescaped: text that was no URL at all arrives escaped (ImageUrlArgumentAttribute).
            var text = UrlUserInfo.Remove(url.IsAbsoluteUri ? url.OriginalString : Uri.UnescapeDataString(url.OriginalString));
            return text.Length <= LongestShown ? text : text.Substring(0, LongestShown) + "…";
        }
    }
}
