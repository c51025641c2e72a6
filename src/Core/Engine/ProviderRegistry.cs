using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BankcardOcr.Providers;
using BankcardOcr.Providers.Huawei;
using BankcardOcr.Providers.Local;
using BankcardOcr.Providers.Tencent;
using BankcardOcr.Providers.TencentLegacy;

namespace BankcardOcr.Engine
{
    /// <summary>
    /// The providers the module knows, one descriptor each. Adding a provider is its folder and one line in
    /// <see cref="BuiltIn"/>; the cmdlets, completers, validation and the credential resolver read this list.
    /// </summary>
    public static class ProviderRegistry
    {
        private static readonly object Gate = new object();

        // The order users see in messages and completion. Local is the default (docs/design.md, "Public contract").
        private static readonly ProviderDescriptor[] BuiltIn =
        {
            TencentDescriptor.Instance,
            TencentLegacyDescriptor.Instance,
            HuaweiDescriptor.Instance,
            LocalDescriptor.Instance,
        };

        private static ProviderDescriptor[] _all = BuiltIn;

        /// <summary>Every registered provider, built-in ones first.</summary>
        public static IReadOnlyList<ProviderDescriptor> All => Volatile.Read(ref _all);

        /// <summary>The provider used when neither <c>-Provider</c>, a secret nor a credential parameter names one: offline.</summary>
        public static ProviderDescriptor Default => BuiltIn[3];

        /// <summary>The provider named <paramref name="name"/> in any case (surrounding blanks ignored), or null.</summary>
        /// <param name="name">A provider name as typed.</param>
        public static ProviderDescriptor? Find(string? name)
        {
            var wanted = name?.Trim();
            return string.IsNullOrEmpty(wanted) ? null : All.FirstOrDefault(d => d.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// Adds a provider for the life of the process, or until the returned handle is disposed: how a provider
        /// outside this assembly (a test's, an extension's) becomes usable through every cmdlet.
        /// </summary>
        /// <param name="descriptor">The provider's descriptor.</param>
        /// <returns>A handle that removes the provider again when disposed.</returns>
        /// <exception cref="ArgumentException">A provider of that name is already registered.</exception>
        public static IDisposable Register(ProviderDescriptor descriptor)
        {
            if (descriptor is null)
            {
                throw new ArgumentNullException(nameof(descriptor));
            }

            lock (Gate)
            {
                if (Find(descriptor.Name) != null)
                {
                    throw new ArgumentException($"A provider named '{descriptor.Name}' is already registered.", nameof(descriptor));
                }

                Volatile.Write(ref _all, _all.Concat(new[] { descriptor }).ToArray());
            }

            return new Registration(descriptor);
        }

        /// <summary>The providers that take parameter <paramref name="parameter"/>, in registry order; empty for a common parameter.</summary>
        /// <param name="parameter">An Invoke-BankcardRecognition parameter name, in any case.</param>
        public static IReadOnlyList<ProviderDescriptor> ParameterOwners(string parameter) =>
            All.Where(d => d.Parameters.Contains(parameter, StringComparer.OrdinalIgnoreCase)).ToArray();

        /// <summary>
        /// The provider named by a parameter that stands in for its credential (Huawei's <c>-Token</c>), when one of
        /// <paramref name="given"/> is such a parameter; otherwise null.
        /// </summary>
        /// <param name="given">The names of the parameters given a value.</param>
        public static ProviderDescriptor? NamedByCredentialParameter(IEnumerable<string> given)
        {
            var names = new HashSet<string>(given, StringComparer.OrdinalIgnoreCase);
            return All.FirstOrDefault(d => d.CredentialParameter != null && names.Contains(d.CredentialParameter));
        }

        /// <summary>
        /// Why the first of <paramref name="given"/> (in ordinal order) that belongs to other providers only means nothing
        /// to <paramref name="provider"/>; null when every parameter fits. Such a parameter is refused rather than
        /// ignored: a user who asked for -DetectCopy with Huawei would otherwise believe photocopies were checked.
        /// </summary>
        /// <param name="provider">The chosen provider.</param>
        /// <param name="given">The names of the parameters given (a switch given as <c>-X:$false</c> is not given).</param>
        public static string? MisplacedParameter(ProviderDescriptor provider, IEnumerable<string> given)
        {
            foreach (var name in given.OrderBy(n => n, StringComparer.Ordinal))
            {
                var owners = ParameterOwners(name);
                if (owners.Count > 0 && !owners.Contains(provider))
                {
                    return $"-{name} applies to -Provider {string.Join(" or ", owners.Select(o => o.Name))} only; it means nothing to {provider.Name}. Leave it out, or choose that provider.";
                }

                if (!provider.SendsRequests && RequestParameters.Contains(name))
                {
                    var senders = All.Where(d => d.SendsRequests).Select(d => d.Name);
                    return $"-{name} applies to the providers that send images to a service ({string.Join(", ", senders)}); {provider.Name} reads images on this machine and sends nothing. Leave it out, or choose one of those with -Provider.";
                }
            }

            return null;
        }

        /// <summary>
        /// Invoke-BankcardRecognition's parameters that only mean something to a provider that sends requests: where
        /// to send them, with which keys, how fast, how often to retry. A provider that sends nothing refuses them.
        /// </summary>
        public static IReadOnlyCollection<string> RequestParameters { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Credential", "SecretName", "Vault", "Region", "Endpoint", "MaxRequestsPerSecond", "MaxRetries",
        };

        /// <summary>
        /// How messages name a group of providers: <c>-Provider Huawei</c>, <c>-Provider Huawei or Other</c>, or
        /// <c>the Tencent providers</c> when each name begins with the first.
        /// </summary>
        /// <param name="providers">The providers, in registry order.</param>
        public static string Describe(IReadOnlyList<ProviderDescriptor> providers)
        {
            var names = providers.Select(p => p.Name).ToArray();
            return names.Length > 1 && names.All(n => n.StartsWith(names[0], StringComparison.Ordinal))
                ? $"the {names[0]} providers"
                : "-Provider " + string.Join(" or ", names);
        }

        private sealed class Registration : IDisposable
        {
            private ProviderDescriptor? _descriptor;

            internal Registration(ProviderDescriptor descriptor) => _descriptor = descriptor;

            public void Dispose()
            {
                lock (Gate)
                {
                    var descriptor = _descriptor;
                    _descriptor = null;
                    if (descriptor != null)
                    {
                        Volatile.Write(ref _all, _all.Where(d => !ReferenceEquals(d, descriptor)).ToArray());
                    }
                }
            }
        }
    }
}
