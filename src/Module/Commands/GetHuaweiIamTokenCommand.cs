using System;
using System.Management.Automation;
using System.Threading;
using BankcardOcr.Completers;
using BankcardOcr.Cloud.Http;
using BankcardOcr.Providers.Huawei;
using BankcardOcr.Calls;
using BankcardOcr.Providers;

namespace BankcardOcr.Commands
{
    /// <summary>
    /// <para type="synopsis">Obtains a project-scoped Huawei Cloud IAM token with an IAM user's password, cached for the session.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HuaweiIamToken", DefaultParameterSetName = ProjectNameSet, HelpUri = "https://github.com/bankcardocr/BankcardOcr/blob/main/docs/Get-HuaweiIamToken.md")]
    [OutputType(typeof(HuaweiIamToken))]
    public sealed class GetHuaweiIamTokenCommand : CloudCommand, IDisposable
    {
        private const string ProjectNameSet = "ProjectName";
        private const string ProjectIdSet = "ProjectId";

        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

        /// <summary>The account name (domain name). For an IAM user it differs from the user name; by default the secret's DomainName.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DomainName { get; set; }

        /// <summary>The region, e.g. <c>cn-north-4</c>: picks the IAM endpoint and, by default, the project. The secret's Region, else cn-north-4.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(IamRegionCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Region { get; set; }

        /// <summary>The project to scope the token to, by name; the region's name by default.</summary>
        [Parameter(ParameterSetName = ProjectNameSet)]
        [ValidateNotNullOrEmpty]
        public string? ProjectName { get; set; }

        /// <summary>The project to scope the token to, by id; by default the secret's ProjectId, else the project named after the region.</summary>
        [Parameter(ParameterSetName = ProjectIdSet)]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        /// <summary>An IAM base address replacing <c>https://iam.{region}.myhuaweicloud.com</c>; https only, except for loopback hosts.</summary>
        [Parameter]
        public Uri? Endpoint { get; set; }

        /// <summary>Ask IAM for a new token even when the session holds a fresh one.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>
        /// Resolves the credential and writes the token. IAM refusals are terminating errors: this command has
        /// one thing to do, and a script must not go on without its token.
        /// </summary>
        protected override void EndProcessing()
        {
            if (Endpoint != null && !EndpointPolicy.IsAllowed(Endpoint, out var reason))
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException(reason, nameof(Endpoint)), "InsecureEndpoint", ErrorCategory.SecurityError, UrlUserInfo.Remove(Endpoint)));
            }

            var secret = ReadNamedSecret();
            using var credential = ResolveCredential(secret, HuaweiDescriptor.Password);
            var domain = DomainName ?? credential.DomainName;
            if (string.IsNullOrWhiteSpace(domain))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("-DomainName is required: the account name, which for an IAM user differs from the user name (a HUAWEI ID cannot obtain tokens; use an IAM user).", nameof(DomainName)),
                    "DomainNameRequired",
                    ErrorCategory.InvalidArgument,
                    null));
            }

            var region = Region ?? credential.Region ?? HuaweiRegions.DefaultRegion;
            var projectId = ProjectId ?? (ProjectName is null ? credential.ProjectId : null);
            using var source = TokenSourceFor(credential, domain!, region, projectId);
            var scope = source.Scope;
            var iam = source.IamEndpoint;
            var cached = Force ? null : source.Peek();
            WriteDebug(cached != null
                ? $"Using the session's cached token ({cached})."
                : $"Requesting a token from {iam.GetLeftPart(UriPartial.Authority)} for {credential.KeyId}@{domain}, {scope}{(Force ? " (-Force)" : string.Empty)}.");
            WriteObject(Fetch(source));
        }

        /// <summary>Ctrl+C: abandons the wait for IAM.</summary>
        protected override void StopProcessing() => _cancellation.Cancel();

        /// <summary>Releases the cancellation source.</summary>
        public void Dispose() => _cancellation.Dispose();

        private HuaweiIamToken Fetch(HuaweiTokenSource source)
        {
            var log = new RecognitionLog();
            try
            {
                // The provider's stages retry IAM's throttling (IAM.0012) and server errors with backoff; this command has
                // no -MaxRetries or -TimeoutSec, so it takes the defaults every command starts from.
                return PipelineWait.For(HuaweiDescriptor.Instance.GetTokenAsync(source, Force.IsPresent, new RequestSettings(), log, _cancellation.Token), this);
            }
            catch (BankcardOcrException e)
            {
                WriteLog(log);
                ThrowTerminatingError(ErrorRecords.For(e, source.UserName));
                throw;
            }
            catch (OperationCanceledException) when (Stopping)
            {
                throw new PipelineStoppedException();
            }
            finally
            {
                WriteLog(log);
            }
        }

        private HuaweiTokenSource TokenSourceFor(Cloud.Credentials.ProviderCredential credential, string domain, string region, string? projectId)
        {
            try
            {
                return HuaweiDescriptor.TokenSource(credential, domain, region, Endpoint, projectId, ProjectName);
            }
            catch (ArgumentException e)
            {
                // Core's message points to Invoke-BankcardRecognition's -IamEndpoint; here the override is -Endpoint.
                var message = $"No Huawei Cloud IAM endpoint is known for region '{region}'. Known regions: {string.Join(", ", HuaweiRegions.IamRegionIds)}. Pass -Endpoint with the IAM address for another region.";
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message, e), "UnknownRegion", ErrorCategory.InvalidArgument, region));
                throw;
            }
        }

        private void WriteLog(RecognitionLog log)
        {
            foreach (var entry in log.Drain())
            {
                this.WriteVerboseLine(entry.Message);
            }
        }
    }
}
