using System;

namespace BankcardOcr.Cloud.Http
{
    /// <summary>Joins a base address (a provider default or the user's <c>-Endpoint</c>) with an API path.</summary>
    public static class EndpointAddress
    {
        /// <summary>
        /// The base's scheme, host, port and any path prefix, followed by <paramref name="path"/>; a base of
        /// <c>http://127.0.0.1:5000/tencent/</c> and <c>/ocr/bankcard</c> give <c>http://127.0.0.1:5000/tencent/ocr/bankcard</c>.
        /// </summary>
        /// <param name="baseAddress">An absolute http or https address.</param>
        /// <param name="path">The API path, with or without a leading slash.</param>
        public static Uri Combine(Uri baseAddress, string path)
        {
            var left = baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');
            return new Uri(left + "/" + path.TrimStart('/'));
        }

        /// <summary>The Host header value: the host, with the port when it is not the scheme's default.</summary>
        /// <param name="address">The request address.</param>
        public static string HostHeader(Uri address) => address.IsDefaultPort ? address.Host : address.Host + ":" + address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
