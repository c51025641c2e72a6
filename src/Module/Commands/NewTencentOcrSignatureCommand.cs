using System;
using System.Management.Automation;
using System.Text;
using BankcardOcr.Completers;
using BankcardOcr.Cloud.Credentials;
using BankcardOcr.Providers.Tencent;
using BankcardOcr.Providers.TencentLegacy;

namespace BankcardOcr.Commands
{
    /// <summary>
    /// <para type="synopsis">Builds Tencent signatures: the legacy multi-use or one-time signature, or TC3-HMAC-SHA256 headers for any Tencent Cloud API 3.0 action.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "TencentOcrSignature", DefaultParameterSetName = LegacySet, HelpUri = "https://github.com/bankcardocr/BankcardOcr/blob/main/docs/New-TencentOcrSignature.md")]
    [OutputType(typeof(TencentOcrSignature), ParameterSetName = new[] { LegacySet })]
    [OutputType(typeof(TencentCloudSignature), ParameterSetName = new[] { Tc3Set })]
    public sealed class NewTencentOcrSignatureCommand : CloudCommand
    {
        private const string LegacySet = "Legacy";
        private const string Tc3Set = "TC3";

        /// <summary>The project's AppId (legacy signature field <c>a</c>).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LegacySet)]
        [ValidateNotNullOrEmpty]
        public string AppId { get; set; } = string.Empty;




        /// <summary>The legacy bucket (field <c>b</c>); empty by default.</summary>
        [Parameter(ParameterSetName = LegacySet)]
        public string? Bucket { get; set; }

        /// <summary>The file id (field <c>f</c>) a one-time signature is bound to.</summary>
        [Parameter(ParameterSetName = LegacySet)]
        public string? FileId { get; set; }

        /// <summary>How long a multi-use signature stays valid: 10 minutes by default, at most 90 days (the documented three months).</summary>
        [Parameter(ParameterSetName = LegacySet)]
        public TimeSpan? Lifetime { get; set; }

        /// <summary>When a multi-use signature expires, instead of <c>-Lifetime</c>.</summary>
        [Parameter(ParameterSetName = LegacySet)]
        public DateTimeOffset? ExpiresAt { get; set; }

        /// <summary>Make a one-time signature (单次有效签名, <c>e=0</c>) bound to <c>-FileId</c>.</summary>
        [Parameter(ParameterSetName = LegacySet)]
        public SwitchParameter OneTime { get; set; }

        /// <summary>The signing time; now by default. Fix it (with <c>-Nonce</c>) to reproduce a published example.</summary>
        [Parameter]
        public DateTimeOffset? Timestamp { get; set; }

        /// <summary>The random value <c>r</c> of a legacy signature; a fresh random value by default.</summary>
        [Parameter(ParameterSetName = LegacySet)]
        public uint? Nonce { get; set; }

        /// <summary>The API 3.0 action to sign, e.g. <c>BankCardOCR</c>; selects TC3-HMAC-SHA256.</summary>
        [Parameter(Mandatory = true, ParameterSetName = Tc3Set)]
        [ValidateNotNullOrEmpty]
        public string Action { get; set; } = string.Empty;

        /// <summary>The exact JSON body that will be sent; its UTF-8 bytes are hashed. <c>{}</c> by default.</summary>
        [Parameter(ParameterSetName = Tc3Set, ValueFromPipeline = true)]
        [AllowEmptyString]
        public string Payload { get; set; } = "{}";

        /// <summary>The signing service; <c>ocr</c> by default.</summary>
        [Parameter(ParameterSetName = Tc3Set)]
        [ValidateNotNullOrEmpty]
        public string Service { get; set; } = Tc3SigningRequest.DefaultService;

        /// <summary>The API version; <c>2018-11-19</c> (OCR) by default.</summary>
        [Parameter(ParameterSetName = Tc3Set)]
        [ValidateNotNullOrEmpty]
        public string Version { get; set; } = Tc3SigningRequest.DefaultVersion;

        /// <summary>The region header <c>X-TC-Region</c>; omitted when not given.</summary>
        [Parameter(ParameterSetName = Tc3Set)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        /// <summary>The host; <c>&lt;service&gt;.tencentcloudapi.com</c> by default.</summary>
        [Parameter(ParameterSetName = Tc3Set)]
        [ValidateNotNullOrEmpty]
        public string? HostName { get; set; }

        /// <summary>POST (JSON body, the default) or GET (form query string, at most 32 KB).</summary>
        [Parameter(ParameterSetName = Tc3Set)]
        [ValidateSet("POST", "GET")]
        public string HttpMethod { get; set; } = "POST";

        /// <summary>The canonical query string of a GET request, e.g. <c>Limit=10&amp;Offset=0</c>.</summary>
        [Parameter(ParameterSetName = Tc3Set)]
        public string QueryString { get; set; } = string.Empty;

        /// <summary>The Content-Type to sign and send, byte for byte; <c>application/json; charset=utf-8</c> by default.</summary>
        [Parameter(ParameterSetName = Tc3Set)]
        [ValidateNotNullOrEmpty]
        public string ContentType { get; set; } = Tc3SigningRequest.DefaultContentType;

        /// <summary>Also sign the <c>X-TC-Action</c> header, as the current Chinese documentation's example does.</summary>
        [Parameter(ParameterSetName = Tc3Set)]
        public SwitchParameter SignActionHeader { get; set; }

        private ProviderCredential? _credential;

        /// <summary>Resolves the keys once for the whole pipeline.</summary>
        protected override void BeginProcessing()
        {
            _credential = ResolveCredential(null, TencentDescriptor.Keys);
        }

        /// <summary>Signs, once per pipeline input in the TC3 set (one payload each).</summary>
        protected override void ProcessRecord()
        {
            try
            {
                if (ParameterSetName == Tc3Set)
                {
                    WriteObject(SignTc3());
                }
                else
                {
                    WriteObject(SignLegacy());
                }
            }
            catch (ArgumentException e)
            {
                // The signers explain what is wrong with a field; they never put the key in a message.
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException(ArgumentErrorText.For(e, MyInvocation.MyCommand), e), "InvalidSignatureRequest", ErrorCategory.InvalidArgument, null));
            }
        }

        /// <summary>Clears the key.</summary>
        protected override void EndProcessing() => Release();

        /// <summary>Clears the key when the pipeline stops early.</summary>
        protected override void StopProcessing() => Release();

        private TencentOcrSignature SignLegacy()
        {
            var now = Timestamp ?? DateTimeOffset.UtcNow;
            var nonce = Nonce ?? TencentLegacySigner.NewNonce();
            var key = _credential!.GetSecret();
            if (OneTime)
            {
                if (string.IsNullOrEmpty(FileId))
                {
                    throw new ArgumentException("A one-time signature is bound to a file: pass -FileId.", nameof(FileId));
                }

                if (Lifetime != null || ExpiresAt != null)
                {
                    throw new ArgumentException("A one-time signature has no lifetime (e=0); leave out -Lifetime and -ExpiresAt.", nameof(OneTime));
                }

                return TencentLegacySigner.CreateOneTime(AppId, _credential.KeyId, key, FileId!, now, nonce, Bucket).ToOutput();
            }

            if (Lifetime != null && ExpiresAt != null)
            {
                throw new ArgumentException("Pass -Lifetime or -ExpiresAt, not both.", nameof(Lifetime));
            }

            var signature = ExpiresAt is DateTimeOffset expires
                ? TencentLegacySigner.CreateMultiUse(AppId, _credential.KeyId, key, now, expires, nonce, Bucket, FileId)
                : TencentLegacySigner.CreateMultiUse(AppId, _credential.KeyId, key, now, Lifetime ?? TimeSpan.FromMinutes(10), nonce, Bucket, FileId);
            this.WriteVerboseLine($"Signed for AppId {AppId}, valid until {signature.ExpiresAt:u}.");
            return signature.ToOutput();
        }

        private TencentCloudSignature SignTc3()
        {
            var request = new Tc3SigningRequest(Action, Encoding.UTF8.GetBytes(Payload ?? string.Empty), Timestamp ?? DateTimeOffset.UtcNow)
            {
                Service = Service,
                Version = Version,
                Region = Region,
                HostName = HostName,
                HttpMethod = HttpMethod,
                CanonicalQueryString = QueryString ?? string.Empty,
                ContentType = ContentType,
                SignActionHeader = SignActionHeader,
            };
            var signature = Tc3Signer.Sign(request, _credential!.KeyId, _credential.GetSecret());
            this.WriteVerboseLine($"Signed {Action} for {signature.HostName} at {signature.Timestamp:u}.");
            return signature.ToOutput();
        }

        private void Release()
        {
            _credential?.Dispose();
            _credential = null;
        }
    }
}
