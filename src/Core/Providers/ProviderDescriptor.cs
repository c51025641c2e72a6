using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BankcardOcr.Cloud.Credentials;
using BankcardOcr.Imaging;

namespace BankcardOcr.Providers
{
    /// <summary>
    /// What the rest of the module needs to know about one provider, kept in the provider's own folder: its name,
    /// the credentials it accepts, the settings its secret may hold, its regions, image limits and default pace,
    /// which of Invoke-BankcardRecognition's provider-specific parameters it takes, and how to build it ready for
    /// work. The cmdlets, completers and credential resolver read descriptors from the registry
    /// (<c>BankcardOcr.Engine.ProviderRegistry</c>) instead of switching on provider names.
    /// </summary>
    public abstract class ProviderDescriptor
    {
        /// <summary>The <c>-Provider</c> name, canonically cased, e.g. <c>TencentLegacy</c>; also the result's Provider.</summary>
        public abstract string Name { get; }

        /// <summary>
        /// The credential kinds accepted, preferred first: a PSCredential is read as the first, a hashtable secret as
        /// the first whose key id it holds, and environment variables are tried in this order. Empty for a provider
        /// that needs no credential.
        /// </summary>
        public virtual IReadOnlyList<CredentialKind> CredentialKinds => Array.Empty<CredentialKind>();

        /// <summary>
        /// Settings a hashtable secret for this provider may hold besides the key pair (e.g. <c>AppId</c>,
        /// <c>ProjectId</c>); <c>Region</c> is implied. <c>DomainName</c> goes with a kind that needs one.
        /// </summary>
        public virtual IReadOnlyList<string> SecretSettings => Array.Empty<string>();

        /// <summary>
        /// Settings Set-BankcardOcrSecret must be given for this provider, with the reason, e.g.
        /// <c>AppId</c> → <c>the legacy signature includes it</c>.
        /// </summary>
        public virtual IReadOnlyDictionary<string, string> RequiredSecretSettings { get; } = new Dictionary<string, string>();

        /// <summary>Region ids offered by <c>-Region</c> completion; empty when the provider has no regions.</summary>
        public virtual IReadOnlyList<string> Regions => Array.Empty<string>();

        /// <summary>The documented image limits, checked before anything is sent.</summary>
        public abstract ImageLimits ImageLimits { get; }

        /// <summary>
        /// Files larger than this are refused before they are read. By default 256 MB, above the largest image any
        /// provider takes in pixels (8192 × 8192 uncompressed is 201 MB): a larger file is not a card photo, and reading
        /// it whole would only cost memory. Images between the vendor's limit and this one are fitted before upload.
        /// </summary>
        public virtual long MaxFileBytes => 256 * ImageLimits.Megabyte;

        /// <summary>Requests in flight when the user sets no <c>-ThrottleLimit</c>.</summary>
        public abstract int DefaultThrottleLimit { get; }

        /// <summary>The documented request rate when the user sets no <c>-MaxRequestsPerSecond</c>; null for none.</summary>
        public virtual double? DefaultRequestsPerSecond => null;

        /// <summary>
        /// Whether the provider sends requests to a service (a <c>BankcardOcr.Cloud.CloudProviderDescriptor</c>). One
        /// that does not (the offline recognizer) has no use for credentials, secrets, regions, endpoints, rate limits or
        /// retries: those parameters are refused for it (<c>ParameterNotForProvider</c>) rather than silently ignored.
        /// </summary>
        public abstract bool SendsRequests { get; }

        /// <summary>The recognitions run at once for the user's <c>-ThrottleLimit</c> (null when not given).</summary>
        /// <param name="requested">The user's <c>-ThrottleLimit</c>, or null.</param>
        public virtual int ThrottleLimitFor(int? requested) => Math.Max(1, requested ?? DefaultThrottleLimit);

        /// <summary>The stages every recognition of a call passes through, shared by the call's workers.</summary>
        /// <param name="settings">The user's retries and time.</param>
        /// <param name="requestsPerSecond">The call's request rate; null or 0 for none.</param>
        public abstract IRecognitionStages CreateStages(RequestSettings settings, double? requestsPerSecond);

        /// <summary>
        /// The type of this provider's own Invoke-BankcardRecognition parameters (a <see cref="ProviderParameters"/>), or
        /// null when it has none. Its properties are the parameters it owns.
        /// </summary>
        public virtual Type? ParametersType => null;

        /// <summary>
        /// Invoke-BankcardRecognition's provider-specific parameters this provider takes, by name: the properties of
        /// <see cref="ParametersType"/>. A parameter that another provider claims and this one does not is refused
        /// (<c>ParameterNotForProvider</c>).
        /// </summary>
        public IReadOnlyCollection<string> Parameters => _parameters ??= ParametersType is Type type ? ProviderParameters.NamesOf(type) : Array.Empty<string>();

        private IReadOnlyCollection<string>? _parameters;

        /// <summary>
        /// A parameter that stands in for the credential (Huawei's <c>-Token</c>): when it is given, no secret is read,
        /// no credential is resolved, and it names this provider when neither <c>-Provider</c> nor the secret does.
        /// </summary>
        public virtual string? CredentialParameter => null;

        /// <summary>Whether a credential must be resolved for these settings; by default, whenever kinds are declared.</summary>
        /// <param name="settings">The user's settings.</param>
        public virtual bool NeedsCredential(ProviderSettings settings) =>
            CredentialKinds.Count > 0 && (CredentialParameter is null || settings.Get<object>(CredentialParameter) is null);

        /// <summary>Checks the parameters before any credential is looked for.</summary>
        /// <param name="settings">The user's settings; messages for the user go to its log.</param>
        /// <exception cref="ProviderSettingException">A parameter is missing or contradicts another.</exception>
        public virtual void CheckParameters(ProviderSettings settings)
        {
        }

        /// <summary>Checks the parameters together with the resolved credential, before the provider is built.</summary>
        /// <param name="settings">The user's settings, with <see cref="ProviderSettings.Credential"/> set when one was needed.</param>
        /// <exception cref="ProviderSettingException">The credential lacks something this provider needs.</exception>
        public virtual void CheckCredential(ProviderSettings settings)
        {
        }

        /// <summary>Builds the provider ready for work: connected, with any IAM look-ups done.</summary>
        /// <param name="settings">The user's settings and credential; what setting up says goes to its log.</param>
        /// <param name="cancellationToken">Cancelled on Ctrl+C.</param>
        /// <returns>The provider; the caller disposes it.</returns>
        /// <exception cref="BankcardOcrException">The service refused the credential, or could not be reached.</exception>
        /// <exception cref="ArgumentException">The region is unknown and no endpoint was given.</exception>
        public abstract Task<IRecognitionProvider> CreateAsync(ProviderSettings settings, CancellationToken cancellationToken);

        /// <summary>The name.</summary>
        /// <returns><see cref="Name"/>.</returns>
        public override string ToString() => Name;
    }
}
