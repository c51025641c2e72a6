using System;

namespace BankcardOcr.Calls
{
    /// <summary>
    /// The user information of a URL (<c>user:password@</c> in <c>https://user:password@host/card.jpg</c>) is a secret:
    /// only the provider that downloads the image is given it. Everything shown (a result's Source, an error's target,
    /// messages, Verbose and Debug lines) uses the URL without it.
    /// </summary>
    public static class UrlUserInfo
    {
        /// <summary>Whether <paramref name="url"/> carries user information.</summary>
        /// <param name="url">Any URL, absolute or not.</param>
        public static bool IsPresent(Uri? url) =>
            url != null && ((url.IsAbsoluteUri && url.UserInfo.Length > 0) || Find(url.OriginalString).Length > 0);

        /// <summary><paramref name="url"/> without its user information; the same object when it has none.</summary>
        /// <param name="url">Any URL, absolute or not.</param>
        public static Uri Remove(Uri url)
        {
            if (url is null)
            {
                throw new ArgumentNullException(nameof(url));
            }

            if (!IsPresent(url))
            {
                return url;
            }

            // What is left is usually the same kind of URL; if not (only user information where a host should be),
            // it is still shown, escaped, rather than the original.
            var text = Remove(url.OriginalString);
            var stripped = Uri.TryCreate(text, url.IsAbsoluteUri ? UriKind.Absolute : UriKind.RelativeOrAbsolute, out var parsed)
                || Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out parsed)
                ? parsed
                : new Uri(Uri.EscapeDataString(text), UriKind.Relative);

            // Should .NET have found user information where the text shows none, its own reading decides.
            return stripped.IsAbsoluteUri && stripped.UserInfo.Length > 0
                ? new Uri(stripped.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped))
                : stripped;
        }

        /// <summary>
        /// <paramref name="text"/> without the user information of its authority: whatever lies between <c>//</c> and the
        /// last <c>@</c> before the next <c>/</c>, <c>?</c> or <c>#</c> (RFC 3986 §3.2.1). Read from the text as typed
        /// rather than from <see cref="Uri.UserInfo"/>, which is escaped and so may not match what the text holds, and so
        /// that a relative <c>//user:password@host/…</c> or text that is no URL at all is covered too.
        /// </summary>
        /// <param name="text">A URL as given; the same string when it holds no user information.</param>
        public static string Remove(string text)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            var (start, length) = Find(text);
            return length == 0 ? text : text.Remove(start, length);
        }

        /// <summary>Where the user information and its <c>@</c> lie in <paramref name="text"/>; length 0 when there is none.</summary>
        private static (int Start, int Length) Find(string text)
        {
            // .NET reads back slashes as slashes in http and https URLs, so "http:\\user:password@host" counts too.
            var authority = -1;
            for (var i = 0; i + 1 < text.Length; i++)
            {
                if (IsSlash(text[i]) && IsSlash(text[i + 1]))
                {
                    authority = i + 2;
                    break;
                }
            }

            if (authority < 0)
            {
                return (0, 0);
            }

            var end = authority;
            while (end < text.Length && !IsSlash(text[end]) && text[end] != '?' && text[end] != '#')
            {
                end++;
            }

            var at = end == authority ? -1 : text.LastIndexOf('@', end - 1, end - authority);
            return at < 0 ? (0, 0) : (authority, at + 1 - authority);
        }

        /// <summary>
        /// <paramref name="error"/>, or a copy whose message no longer holds <paramref name="url"/>'s user information in
        /// any of its forms (as typed, escaped, unescaped): a service's message may quote the address it failed to
        /// download.
        /// </summary>
        internal static BankcardOcrException Hide(BankcardOcrException error, Uri url)
        {
            if (!IsPresent(url))
            {
                return error;
            }

            var message = error.Message;
            var (start, length) = Find(url.OriginalString);
            var forms = new[]
            {
                url.OriginalString.Substring(start, length),
                url.IsAbsoluteUri ? url.UserInfo + "@" : string.Empty,
                url.IsAbsoluteUri ? Uri.UnescapeDataString(url.UserInfo) + "@" : string.Empty,
            };
            foreach (var form in forms)
            {
                if (form.Length > 1)
                {
                    message = message.Replace(form, string.Empty);
                }
            }

            return ReferenceEquals(message, error.Message) || message == error.Message
                ? error
                : new BankcardOcrException(error.Kind, message, error.Provider, error.ProviderCode, error.HttpStatusCode, error.RequestId, error.IsRetryable, error.InnerException)
                {
                    RequiresFreshCredential = error.RequiresFreshCredential,
                    RetryAfterSeconds = error.RetryAfterSeconds,
                };
        }

        private static bool IsSlash(char c) => c == '/' || c == '\\';
    }
}
