using System;
using System.Net;
using System.Net.Sockets;

namespace BankcardOcr.Cloud.Http
{
    /// <summary>
    /// The rule for endpoint overrides (<c>-Endpoint</c>, <c>-IamEndpoint</c>) shared by every provider: keys,
    /// tokens, signatures and card images only travel over <c>https</c>. Plain <c>http</c> is allowed for loopback
    /// hosts alone, so a local emulator or debugging proxy works without opening a path off the machine.
    /// A cmdlet turns a refusal into the terminating error <c>InsecureEndpoint</c> (docs/design.md, "Public contract").
    /// </summary>
    public static class EndpointPolicy
    {
        /// <summary>Checks an endpoint override.</summary>
        /// <param name="endpoint">The base address the user gave.</param>
        /// <param name="reason">Why it is refused, or an empty string when it is allowed.</param>
        /// <returns>True when requests may be sent to it.</returns>
        public static bool IsAllowed(Uri endpoint, out string reason)
        {
            if (endpoint is null)
            {
                throw new ArgumentNullException(nameof(endpoint));
            }

            if (!endpoint.IsAbsoluteUri)
            {
                reason = "The endpoint must be an absolute https:// address.";
                return false;
            }

            // Credentials in the address would travel in every request line and land in logs and error text.
            if (endpoint.UserInfo.Length > 0)
            {
                reason = "The endpoint " + endpoint.Scheme + "://" + endpoint.Authority + " must not carry a user name or password.";
                return false;
            }

            if (endpoint.Scheme == Uri.UriSchemeHttps)
            {
                reason = string.Empty;
                return true;
            }

            if (endpoint.Scheme == Uri.UriSchemeHttp && IsLoopbackHost(endpoint))
            {
                reason = string.Empty;
                return true;
            }

            reason = endpoint.Scheme == Uri.UriSchemeHttp
                ? "The endpoint http://" + endpoint.Authority + " is not encrypted; use https, or http only with localhost, 127.0.0.0/8 or [::1]."
                : "The endpoint scheme '" + endpoint.Scheme + "' is not supported; use https.";
            return false;
        }

        /// <summary>Checks an endpoint override and throws when it is refused.</summary>
        /// <param name="endpoint">The base address the user gave.</param>
        /// <param name="parameterName">The parameter it came from, for the exception.</param>
        /// <exception cref="ArgumentException">The endpoint is not https and not a loopback http address.</exception>
        public static void EnsureAllowed(Uri endpoint, string parameterName)
        {
            if (!IsAllowed(endpoint, out var reason))
            {
                throw new ArgumentException(reason, parameterName);
            }
        }

        /// <summary>
        /// Whether the host is <c>localhost</c>, an IPv4 address in 127.0.0.0/8 or the IPv6 <c>::1</c>. Names that
        /// merely start with those (<c>localhost.example.com</c>, <c>127.0.0.1.example.com</c>) are not loopback.
        /// </summary>
        /// <param name="endpoint">An absolute address.</param>
        public static bool IsLoopbackHost(Uri endpoint)
        {
            if (endpoint is null)
            {
                throw new ArgumentNullException(nameof(endpoint));
            }

            if (!endpoint.IsAbsoluteUri)
            {
                return false;
            }

            switch (endpoint.HostNameType)
            {
                case UriHostNameType.Dns:
                case UriHostNameType.Basic:
                    return string.Equals(endpoint.Host.TrimEnd('.'), "localhost", StringComparison.OrdinalIgnoreCase);
                case UriHostNameType.IPv4:
                case UriHostNameType.IPv6:
                    return IPAddress.TryParse(endpoint.DnsSafeHost, out var address) && IsLoopbackAddress(address);
                default:
                    return false;
            }
        }

        private static bool IsLoopbackAddress(IPAddress address) =>
            address.AddressFamily == AddressFamily.InterNetwork
                ? address.GetAddressBytes()[0] == 127
                : address.Equals(IPAddress.IPv6Loopback);
    }
}
