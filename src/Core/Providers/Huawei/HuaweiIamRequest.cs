using System;

namespace BankcardOcr.Providers.Huawei
{
    /// <summary>
    /// The IAM password-method token request, <c>POST {iam}/v3/auth/tokens</c> (docs/huaweicloud.md §7.1). The token
    /// comes back in the <see cref="SubjectTokenHeader"/> response header, the project id in <c>token.project.id</c>.
    /// </summary>
    public static class HuaweiIamRequest
    {
        /// <summary>The content type IAM documents for this call (§7.1).</summary>
        public const string ContentType = "application/json;charset=utf8";

        /// <summary>The response header that carries the token; look it up case-insensitively (§7.2, §9).</summary>
        public const string SubjectTokenHeader = "X-Subject-Token";

        /// <summary>The header that carries the token on OCR calls (§1).</summary>
        public const string AuthTokenHeader = "X-Auth-Token";

        private const string TokensPath = "v3/auth/tokens";

        /// <summary>The token URL of a region's IAM endpoint, or of the global one for a null region.</summary>
        /// <param name="region">A region id, e.g. <c>cn-north-4</c>, or null for <c>https://iam.myhuaweicloud.com</c>.</param>
        /// <param name="noCatalog">Adds <c>nocatalog=true</c>, which leaves the service catalog out of the response body.</param>
        /// <exception cref="ArgumentException">The region has no known IAM endpoint.</exception>
        public static Uri GetTokenUri(string? region, bool noCatalog = false) =>
            GetTokenUri(HuaweiRegions.GetIamEndpoint(region), noCatalog);

        /// <summary>The token URL under an IAM base address (an override keeps its path, e.g. an emulator's prefix).</summary>
        /// <param name="iamEndpoint">The IAM base address, e.g. <c>https://iam.cn-north-4.myhuaweicloud.com</c>.</param>
        /// <param name="noCatalog">Adds <c>nocatalog=true</c>, which leaves the service catalog out of the response body.</param>
        public static Uri GetTokenUri(Uri iamEndpoint, bool noCatalog = false)
        {
            if (iamEndpoint is null)
            {
                throw new ArgumentNullException(nameof(iamEndpoint));
            }

            if (!iamEndpoint.IsAbsoluteUri)
            {
                throw new ArgumentException("The IAM endpoint must be an absolute address.", nameof(iamEndpoint));
            }

            var baseUri = iamEndpoint.GetLeftPart(UriPartial.Path);
            var separator = baseUri.EndsWith("/", StringComparison.Ordinal) ? string.Empty : "/";
            return new Uri(baseUri + separator + TokensPath + (noCatalog ? "?nocatalog=true" : string.Empty));
        }

        /// <summary>Builds the request body from a password held as characters.</summary>
        /// <param name="userName">The IAM user name (for the account itself, the account name).</param>
        /// <param name="password">The password. Read only, never turned into a string; the caller clears it.</param>
        /// <param name="domainName">The account name, which for an IAM user differs from the user name (§7.1).</param>
        /// <param name="scope">The project the token is for.</param>
        /// <returns>
        /// The UTF-8 JSON body. It holds the password: send it as it is (<c>ByteArrayContent</c> does not copy)
        /// and clear it with <see cref="Array.Clear(Array, int, int)"/> once the request is done.
        /// </returns>
        /// <exception cref="ArgumentException">A value is missing, or the password has an unpaired surrogate.</exception>
        public static byte[] BuildPasswordTokenBody(string userName, char[] password, string domainName, HuaweiProjectScope scope)
        {
            if (password is null || password.Length == 0)
            {
                throw new ArgumentException("The password is required.", nameof(password));
            }

            return Build(userName, domainName, scope, writer => writer.Chars(password, nameof(password)));
        }

        /// <summary>Builds the request body from a password held as UTF-8 bytes.</summary>
        /// <param name="userName">The IAM user name (for the account itself, the account name).</param>
        /// <param name="passwordUtf8">The password as UTF-8. Read only; the caller clears it.</param>
        /// <param name="domainName">The account name, which for an IAM user differs from the user name (§7.1).</param>
        /// <param name="scope">The project the token is for.</param>
        /// <returns>The UTF-8 JSON body, holding the password; clear it once the request is done.</returns>
        /// <exception cref="ArgumentException">A value is missing, or the password is not well-formed UTF-8.</exception>
        public static byte[] BuildPasswordTokenBody(string userName, byte[] passwordUtf8, string domainName, HuaweiProjectScope scope)
        {
            if (passwordUtf8 is null || passwordUtf8.Length == 0)
            {
                throw new ArgumentException("The password is required.", nameof(passwordUtf8));
            }

            return Build(userName, domainName, scope, writer => writer.Utf8(passwordUtf8, nameof(passwordUtf8)));
        }

        private static byte[] Build(string userName, string domainName, HuaweiProjectScope scope, Action<JsonBodyWriter> writePassword)
        {
            if (string.IsNullOrWhiteSpace(userName))
            {
                throw new ArgumentException("The IAM user name is required.", nameof(userName));
            }

            if (string.IsNullOrWhiteSpace(domainName))
            {
                throw new ArgumentException("The account (domain) name is required; it is the account name, not the IAM user name.", nameof(domainName));
            }

            if (scope is null)
            {
                throw new ArgumentNullException(nameof(scope));
            }

            // {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":…,"password":…,
            // "domain":{"name":…}}}},"scope":{"project":{"name"|"id":…}}}}, the shape of §7.1, without whitespace.
            return JsonBodyWriter.Build(writer =>
            {
                writer.Raw("{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":");
                writer.Text(userName);
                writer.Raw(",\"password\":");
                writePassword(writer);
                writer.Raw(",\"domain\":{\"name\":");
                writer.Text(domainName);
                writer.Raw("}}}},\"scope\":{\"project\":{" + (scope.IsId ? "\"id\":" : "\"name\":"));
                writer.Text(scope.Value);
                writer.Raw("}}}}");
            });
        }
    }
}
