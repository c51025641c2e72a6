using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using BankcardOcr.Completers;
using BankcardOcr.Cloud.Credentials;
using BankcardOcr.Engine;
using BankcardOcr.Cloud.Http;
using BankcardOcr.Providers;
using BankcardOcr.Providers.Huawei;
using BankcardOcr.Calls;
using BankcardOcr.Secrets;

namespace BankcardOcr.Commands
{
    /// <summary>
    /// <para type="synopsis">Recognises one bank card per image, offline or through Tencent Cloud or Huawei Cloud.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "BankcardRecognition", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = "https://github.com/bankcardocr/BankcardOcr/blob/main/docs/Invoke-BankcardRecognition.md")]
    [OutputType(typeof(BankcardRecognitionResult))]
    public sealed class InvokeBankcardRecognitionCommand : CloudCommand, IDynamicParameters, IDisposable
    {
        private const string PathSet = "Path";
        private const string PathInputSet = InputParameters.PathInputSet;
        private const string LiteralPathSet = "LiteralPath";
        private const string UriSet = "Uri";
        private const string ImageSet = "Image";

        private static readonly HashSet<string> InputAndCredentialParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            nameof(Path), InputParameters.PathInputParameter, nameof(LiteralPath), nameof(Uri), nameof(Image), InputParameters.NameParameter, nameof(Credential), nameof(SecretName), nameof(Vault),
        };

        private CancellationTokenSource? _cancellation;
        private ProviderCredential? _credential;
        private RecognitionSession? _session;
        private PipelineWriter? _writer;
        private ProgressReporter? _progress;
        private InputResolver? _inputs;
        private InputParameters? _inputParameters;
        private bool _nameOnCommandLine;
        private HashSet<string> _ignored = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        // How pipeline input binds (checked in real pwsh by tests/Pester/PipelineBinding.Tests.ps1). PowerShell tries,
        // in turn: by value as is, by property name as is, by value converted, by property name converted; in each
        // round the default (Path) set first. So:
        // - strings bind by value to the hidden -PathInput (its own set; a path that matches nothing as a wildcard but
        //   names a file is taken literally, so names with [ ] work); any object converts to a string, so a string
        //   parameter here took CSV rows and [pscustomobject]@{ Uri = … } as text before their Uri was tried;
        // - Resolve-Path output and rows with a Path column bind -Path by property name;
        // - Get-ChildItem / Get-Item output binds -LiteralPath by its PSPath; its Name binds -Name, which is why -Name
        //   binds from the pipeline in every set but Path (in the Image set alone it pulled files into that set and no
        //   set resolved);
        // - rows with LiteralPath, Uri or Url, and objects with Image bytes (and Name), bind by property name.
        // -PathInput and -Name are dynamic (InputParameters), so that the syntax users see shows neither the hidden set
        // nor -Name outside the Image set.

        /// <summary>Image files to recognise; wildcards are expanded. Relative paths resolve against the current PowerShell location.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Image files to recognise, taken literally (no wildcards). <c>Get-ChildItem</c> output binds here through its PSPath.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>Image URLs the provider downloads itself.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UriSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Url")]
        [ValidateNotNullOrEmpty]
        [ImageUrlArgument]
        public Uri[] Uri { get; set; } = Array.Empty<Uri>();

        /// <summary>An encoded image in memory (JPEG, PNG, BMP, TIFF as the provider accepts).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ImageSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public byte[] Image { get; set; } = Array.Empty<byte>();

        /// <summary>Tencent (API 3.0), TencentLegacy, Huawei or Local. By default the provider named in the secret, else Local.</summary>
        [Parameter]
        [ProviderName]
        [ArgumentCompleter(typeof(ProviderCompleter))]
        public string? Provider { get; set; }

        /// <summary>
        /// With -Provider Local (the default): a cloud provider that reads only the inputs Local cannot verify (no
        /// number found, or one that fails the number checks). The cloud parameters (-SecretName, -Credential, -Region,
        /// -Endpoint, …) are this provider's. Every other input never leaves the machine.
        /// </summary>
        [Parameter]
        [ProviderName]
        [ArgumentCompleter(typeof(ProviderCompleter))]
        public string? Fallback { get; set; }

        /// <summary>
        /// A second provider that reads every image too (Local on a cloud call, or a cloud provider on a Local call),
        /// alongside the next images. When both read a number and they differ, the result carries the warning
        /// ProvidersDisagree and the second reading, masked, in CrossCheckCardNumber; IsConfirmed says whether the
        /// second provider read the same number.
        /// </summary>
        [Parameter]
        [ProviderName]
        [ArgumentCompleter(typeof(ProviderCompleter))]
        public string? CrossCheck { get; set; }

        /// <summary>The provider's region, e.g. <c>ap-guangzhou</c> (Tencent) or <c>cn-north-4</c> (Huawei).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Region { get; set; }

        /// <summary>A base address replacing the provider's; https only, except for loopback hosts.</summary>
        [Parameter]
        public Uri? Endpoint { get; set; }

        /// <summary>The most requests in flight across the whole pipeline; 8 by default.</summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; }

        /// <summary>The most requests started per second across the pipeline; the provider's documented rate by default, 0 for none.</summary>
        [Parameter]
        [ValidateRange(0.0, 10000.0)]
        public double MaxRequestsPerSecond { get; set; }

        /// <summary>Retries for rate limits, server errors and timeouts; 3 by default.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = 3;

        /// <summary>Seconds one attempt may take; 30 by default.</summary>
        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSec { get; set; } = 30;

        /// <summary>Output card numbers masked (<c>622848******0515</c>) instead of whole.</summary>
        [Parameter]
        public SwitchParameter MaskCardNumber { get; set; }

        /// <summary>Write results in input order rather than as they complete.</summary>
        [Parameter]
        public SwitchParameter Ordered { get; set; }

        /// <summary>TencentLegacy: the project's AppId.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AppId { get; set; }

        /// <summary>TencentLegacy: the legacy bucket name, when the project has one.</summary>
        [Parameter]
        public string? Bucket { get; set; }

        /// <summary>TencentLegacy: send images Base64-encoded in JSON instead of as multipart files.</summary>
        [Parameter]
        public SwitchParameter UseBase64 { get; set; }

        /// <summary>Tencent: also return the cropped, aligned card image (RetBorderCutImage); saved to <c>-ImageFolder</c>.</summary>
        [Parameter]
        [Alias("RetBorderCutImage")]
        public SwitchParameter ReturnCardImage { get; set; }

        /// <summary>Tencent: also return a crop of the card number (RetCardNoImage); saved to <c>-ImageFolder</c>.</summary>
        [Parameter]
        [Alias("RetCardNoImage")]
        public SwitchParameter ReturnCardNumberImage { get; set; }

        /// <summary>Tencent: warn when the image is a photocopy (EnableCopyCheck); the result's Warnings says Copy.</summary>
        [Parameter]
        [Alias("EnableCopyCheck")]
        public SwitchParameter DetectCopy { get; set; }

        /// <summary>Tencent: warn when the image is a photo of a screen (EnableReshootCheck); Warnings says Reshoot.</summary>
        [Parameter]
        [Alias("EnableReshootCheck")]
        public SwitchParameter DetectReshoot { get; set; }

        /// <summary>Tencent: warn when the card's border is occluded (EnableBorderCheck); Warnings says IncompleteBorder.</summary>
        [Parameter]
        [Alias("EnableBorderCheck")]
        public SwitchParameter DetectIncompleteBorder { get; set; }

        /// <summary>Tencent: return a blur score 0–100 in QualityValue (EnableQualityValue).</summary>
        [Parameter]
        [Alias("EnableQualityValue")]
        public SwitchParameter IncludeQualityValue { get; set; }

        /// <summary>Tencent: the folder where returned card images are saved; it must exist.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ImageFolder { get; set; }

        /// <summary>
        /// Huawei: a token from <c>Get-HuaweiIamToken</c>, used instead of a credential. Its project id and region
        /// apply unless <c>-ProjectId</c> or <c>-Region</c> say otherwise. It is not renewed: when it expires, get
        /// another.
        /// </summary>
        [Parameter]
        public HuaweiIamToken? Token { get; set; }

        /// <summary>
        /// Huawei: the project id in the request path. By default the secret's ProjectId, HUAWEICLOUD_SDK_PROJECT_ID,
        /// the token's project, or IAM's project named after the region.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        /// <summary>Huawei: an IAM base address replacing <c>https://iam.{region}.myhuaweicloud.com</c>; https only, except for loopback hosts.</summary>
        [Parameter]
        public Uri? IamEndpoint { get; set; }

        /// <summary>
        /// Local: when no reading passes the number checks (Luhn, issuer prefix and length), return the best one as a
        /// result with IsLuhnValid as it is and the warning <c>Unverified</c>, instead of a NoCardFound error.
        /// </summary>
        [Parameter]
        public SwitchParameter IncludeUnverified { get; set; }

        /// <summary>Huawei: also return the corner points of each field (return_text_location) in TextLocations.</summary>
        [Parameter]
        [Alias("ReturnTextLocation")]
        public SwitchParameter IncludeTextLocation { get; set; }

        /// <summary>
        /// <c>-Name</c> (the label the result's Source carries for <c>-Image</c> bytes; image1, image2, … by default) and
        /// the hidden <c>-PathInput</c>; see <see cref="InputParameters"/>.
        /// </summary>
        public object GetDynamicParameters()
        {
            _inputParameters = new InputParameters(MyInvocation, PathSet, LiteralPathSet, UriSet, ImageSet);
            return _inputParameters.Dictionary;
        }

        /// <summary>Checks parameters, resolves the credential and builds the provider and the batch.</summary>
        protected override void BeginProcessing()
        {
            // Only command-line parameters are bound yet; a piped file's Name binds later and is simply not used.
            _nameOnCommandLine = MyInvocation.BoundParameters.ContainsKey(InputParameters.NameParameter);
            _cancellation = new CancellationTokenSource();

            var (selection, secret) = ChooseProviders();
            var settings = SettleSettings(selection, secret);
            var options = new RecognitionOptions
            {
                ThrottleLimit = settings.ThrottleLimit,
                MaxRequestsPerSecond = MyInvocation.BoundParameters.ContainsKey(nameof(MaxRequestsPerSecond)) && !_ignored.Contains(nameof(MaxRequestsPerSecond)) ? MaxRequestsPerSecond : (double?)null,
                Requests = settings.Requests,
                Ordered = Ordered,
                MaskCardNumber = MaskCardNumber,
            };
            _session = Open(SessionPlan.From(selection, settings, options), settings);
            _inputs = new InputResolver(SessionState, selection.Primary.Name);
            foreach (var line in _session.Describe(settings.ThrottleLimit))
            {
                this.WriteVerboseLine(line);
            }

            var names = string.Join(" and ", selection.Providers.Select(p => p.Name));
            _progress = new ProgressReporter(this, $"Recognising bank cards with {names}", activityId: 1)
            {
                SentTo = selection.Role == SecondProviderRole.Fallback ? selection.Second?.Name : null,
            };
            _writer = new PipelineWriter(this, selection.Cloud?.Name, selection.Primary.Name);
        }

        /// <summary>
        /// The call's providers, and the secret when one was read. A parameter standing in for the credential (-Token)
        /// wins, so a -SecretName (perhaps from $PSDefaultParameterValues) is not even read; it also names its provider
        /// when nothing else does. Providers named on the command line are checked before any secret is read:
        /// -SecretName means nothing to the offline recognizer and must not need SecretManagement there.
        /// </summary>
        private (ProviderSelection Selection, StoredSecret? Secret) ChooseProviders()
        {
            var given = MyInvocation.BoundParameters.Where(p => !(p.Value is SwitchParameter s) || s.IsPresent).Select(p => p.Key).ToList();
            var defaults = DefaultParameterValues.SuppliedTo(this);
            var standIn = ProviderRegistry.NamedByCredentialParameter(MyInvocation.BoundParameters.Where(p => p.Value != null && given.Contains(p.Key)).Select(p => p.Key));
            var known = Decide(() => ProviderSelection.FromCommandLine(Provider, Fallback, CrossCheck));
            if (known != null)
            {
                _ignored = LeaveAsideOrRefuse(known, given, defaults, null);
            }

            var secret = standIn != null || _ignored.Contains(nameof(SecretName)) ? null : ReadNamedSecret();
            var selection = known ?? Decide(() => ProviderSelection.Choose(Provider, Fallback, CrossCheck, secret?.Provider, standIn))!;
            var origin = Provider != null ? string.Empty : known is null && secret?.Provider != null ? " (from the secret)" : " (default)";
            var second = selection.Second is ProviderDescriptor other ? $"; {(selection.Role == SecondProviderRole.Fallback ? "fallback" : "cross-check")}: {other.Name}" : string.Empty;
            WriteDebug($"Provider: {selection.Primary.Name}{origin}{second}.");
            if (known is null)
            {
                _ignored = LeaveAsideOrRefuse(selection, given, defaults, secret);
            }

            return (selection, secret);
        }

        /// <summary>The settings the providers are built from, checked by each provider, with the cloud side's credential resolved.</summary>
        private ProviderSettings SettleSettings(ProviderSelection selection, StoredSecret? secret)
        {
            var settings = GatherSettings();
            foreach (var provider in selection.Providers)
            {
                Check(() => provider.CheckParameters(settings), settings);
            }

            if (selection.Cloud is ProviderDescriptor cloud && cloud.NeedsCredential(settings))
            {
                _credential = ResolveCredential(secret, cloud.CredentialKinds.ToArray());
                settings.Credential = _credential;
            }

            foreach (var provider in selection.Providers)
            {
                Check(() => provider.CheckCredential(settings), settings);
            }

            return settings;
        }

        /// <summary>Runs a choice of providers; a contradiction between the names ends the call with its error id.</summary>
        private ProviderSelection? Decide(Func<ProviderSelection?> choose)
        {
            try
            {
                return choose();
            }
            catch (ProviderSettingException e)
            {
                ThrowTerminatingError(ErrorRecords.For(e));
                throw;
            }
        }

        /// <summary>
        /// Ends the call when a parameter typed on the command line means nothing to any provider of
        /// <paramref name="selection"/> (ParameterNotForProvider); returns the ones <c>$PSDefaultParameterValues</c>
        /// supplied that mean nothing to them,
        /// which are left aside (a default set for every call must not break the calls it does not fit).
        /// </summary>
        private HashSet<string> LeaveAsideOrRefuse(ProviderSelection selection, IReadOnlyCollection<string> given, ISet<string> defaults, StoredSecret? secret)
        {
            var names = string.Join(" or ", selection.Providers.Select(p => p.Name));
            var typed = given.Where(p => !defaults.Contains(p)).ToList();
            if (selection.Misplaced(typed) is string misplaced)
            {
                if (secret != null && secret.Provider is null)
                {
                    misplaced += $" The secret '{SecretName}' names no provider, so {selection.Primary.Name} was chosen; add -Provider to use the secret's keys.";
                }

                ThrowTerminatingError(new ErrorRecord(new PSArgumentException(misplaced), "ParameterNotForProvider", ErrorCategory.InvalidArgument, selection.Primary.Name));
            }

            var ignored = new HashSet<string>(given.Where(p => defaults.Contains(p) && selection.Misplaced(new[] { p }) != null), StringComparer.OrdinalIgnoreCase);
            if (ignored.Count > 0)
            {
                WriteDebug($"Left aside, from $PSDefaultParameterValues: {string.Join(", ", ignored.OrderBy(p => p, StringComparer.Ordinal).Select(p => "-" + p))} (nothing to {names}).");
            }

            return ignored;
        }

        /// <summary>Queues each input of this pipeline object and writes whatever has finished meanwhile.</summary>
        protected override void ProcessRecord()
        {
            if (_nameOnCommandLine && ParameterSetName != ImageSet)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("-Name labels -Image bytes only; files and URLs are labelled by their path or URL.", InputParameters.NameParameter),
                    "NameWithoutImage",
                    ErrorCategory.InvalidArgument,
                    _inputParameters!.Name));
            }

            var inputs = ExpandInputs();
            if (!MyInvocation.ExpectingInput)
            {
                // Everything came as arguments: expanding the paths first (descriptions only, nothing is read) gives
                // progress its total, and with it percent and time remaining.
                var all = inputs.ToList();
                _progress!.Total = all.Count;
                inputs = all;
            }

            foreach (var input in inputs)
            {
                if (Stopping)
                {
                    return;
                }

                // An image the call would send to a service goes only with the user's leave (-WhatIf, -Confirm); one
                // the offline recognizer reads first is asked about only if it has to go on to a fallback.
                if (_writer!.SendsEveryInput && !ShouldProcess(input.Source, $"Send to {_writer.CloudName} for recognition"))
                {
                    continue;
                }

                _session!.Submit(input, _writer);
            }
        }

        /// <summary>Waits for the recognitions still running and writes their outcomes.</summary>
        protected override void EndProcessing()
        {
            if (_session != null && _writer != null)
            {
                _session.Drain(_writer);
                if (_session.Second != null && _progress?.SentTo != null)
                {
                    this.WriteVerboseLine($"{_session.Completed} inputs: {_session.SentToSecond} went to {_session.Second.Name} (the ones {_session.First.Name} could not verify); the other {_session.Completed - _session.SentToSecond} never left this machine.");
                }

                _progress?.Update(_session.Completed, 0, _session.SentToSecond);
            }

            _progress?.Complete();
            Release();
        }

        /// <summary>Ctrl+C: cancels every request in flight at once.</summary>
        protected override void StopProcessing() => _cancellation?.Cancel();

        /// <summary>Releases the provider, the credential and the batch, also when the pipeline stopped early.</summary>
        public void Dispose() => Release();

        /// <summary>
        /// The settings a provider is built from: common parameters as properties, everything else by name
        /// (switches as booleans, -ImageFolder resolved). Ends the call when an address is not https.
        /// </summary>
        private ProviderSettings GatherSettings()
        {
            var bound = MyInvocation.BoundParameters.Where(p => !_ignored.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
            var endpoint = bound.ContainsKey(nameof(Endpoint)) ? Endpoint : null;
            var iamEndpoint = bound.ContainsKey(nameof(IamEndpoint)) ? IamEndpoint : null;
            RequireAllowed(endpoint, nameof(Endpoint));
            RequireAllowed(iamEndpoint, nameof(IamEndpoint));
            // Inputs and the user's credential parameters are the cmdlet's business; a provider gets the resolved credential.
            var parameters = bound
                .Where(p => !InputAndCredentialParameters.Contains(p.Key))
                .ToDictionary(p => p.Key, p => p.Value is SwitchParameter s ? s.IsPresent : (object?)p.Value, StringComparer.OrdinalIgnoreCase);
            if (ImageFolder != null && bound.ContainsKey(nameof(ImageFolder)))
            {
                parameters[nameof(ImageFolder)] = ResolveImageFolder(ImageFolder);
            }

            return new ProviderSettings(parameters)
            {
                Endpoint = endpoint,
                Region = bound.ContainsKey(nameof(Region)) ? Region : null,
                ThrottleLimit = bound.ContainsKey(nameof(ThrottleLimit)) ? ThrottleLimit : (int?)null,
                Requests = new RequestSettings { MaxRetries = MaxRetries, Timeout = TimeSpan.FromSeconds(TimeoutSec), IsTimeoutGiven = bound.ContainsKey(nameof(TimeoutSec)) },
                // The module folder: data such as the offline recognizer's models is laid out beside this assembly.
                ModuleDirectory = System.IO.Path.GetDirectoryName(typeof(InvokeBankcardRecognitionCommand).Assembly.Location)!,
            };
        }

        private void RequireAllowed(Uri? endpoint, string parameter)
        {
            if (endpoint != null && !EndpointPolicy.IsAllowed(endpoint, out var reason))
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException(reason, parameter), "InsecureEndpoint", ErrorCategory.SecurityError, UrlUserInfo.Remove(endpoint)));
            }
        }

        /// <summary>Runs a descriptor's check; its refusal ends the call with the descriptor's error id.</summary>
        private void Check(Action check, ProviderSettings settings)
        {
            try
            {
                check();
            }
            catch (ProviderSettingException e)
            {
                WriteLog(settings.Log);
                ThrowTerminatingError(ErrorRecords.For(e));
            }

            WriteLog(settings.Log);
        }

        /// <summary>Builds the providers and opens the session; one that connects first (Huawei) may fail here, which ends the call.</summary>
        private RecognitionSession Open(SessionPlan plan, ProviderSettings settings)
        {
            try
            {
                return PipelineWait.For(RecognitionSession.OpenAsync(plan, _cancellation!.Token), this);
            }
            catch (BankcardOcrException e)
            {
                WriteLog(settings.Log);
                ThrowTerminatingError(ErrorRecords.For(e, null));
                throw;
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException(ArgumentErrorText.WithoutSuffix(e), e), "UnknownRegion", ErrorCategory.InvalidArgument, Region));
                throw;
            }
            catch (OperationCanceledException) when (Stopping)
            {
                throw new PipelineStoppedException();
            }
            finally
            {
                WriteLog(settings.Log);
            }
        }

        private void WriteLog(RecognitionLog log) => WriteEntries(log.Drain());

        private void WriteEntries(IEnumerable<LogEntry> entries)
        {
            foreach (var entry in entries)
            {
                switch (entry.Level)
                {
                    case LogLevel.Warning: this.WriteWarningLine(entry.Message); break;
                    case LogLevel.Debug: WriteDebug(entry.Message); break;
                    default: this.WriteVerboseLine(entry.Message); break;
                }
            }
        }

        /// <summary>
        /// The session's writer: writes outcomes on the pipeline thread, asks before an image goes to a fallback, and
        /// ends the call when the authentication rule stopped it (<see cref="RecognitionBatch.AuthFailuresToStop"/>):
        /// once the outcomes already in are written, with that one error, for the input that decided it.
        /// </summary>
        private sealed class PipelineWriter : IOutcomeWriter
        {
            private readonly InvokeBankcardRecognitionCommand _cmdlet;

            public PipelineWriter(InvokeBankcardRecognitionCommand cmdlet, string? cloudName, string primaryName)
            {
                _cmdlet = cmdlet;
                CloudName = cloudName;
                SendsEveryInput = cloudName != null && (cloudName == primaryName || cmdlet.CrossCheck != null);
            }

            /// <summary>The provider of the call that sends images to a service, or null.</summary>
            public string? CloudName { get; }

            /// <summary>Whether every input goes to <see cref="CloudName"/> (a cloud call, or a cross-check by one).</summary>
            public bool SendsEveryInput { get; }

            public bool Stopping => _cmdlet.Stopping;

            public void Write(RecognitionOutcome outcome)
            {
                _cmdlet.WriteEntries(outcome.Log);
                if (outcome.Result != null)
                {
                    _cmdlet.WriteObject(outcome.Result);
                }
                else
                {
                    _cmdlet.WriteError(ErrorRecords.ForInput(outcome.Error!, outcome.Input));
                }
            }

            public void Progress(SessionProgress progress) =>
                _cmdlet._progress?.Update(progress.Completed, progress.Running, progress.SentToSecond);

            public bool ShouldSend(RecognitionInput input, string provider) =>
                _cmdlet.ShouldProcess(input.Source, $"Send to {provider} for recognition (the offline recognizer could not verify a number)");

            public void Fatal(BankcardOcrException error, RecognitionInput input)
            {
                _cmdlet._progress?.Complete();
                _cmdlet.ThrowTerminatingError(ErrorRecords.ForInput(error, input));
            }
        }

        private IEnumerable<RecognitionInput> ExpandInputs() => ParameterSetName switch
        {
            UriSet => _inputs!.FromUris(Uri),
            ImageSet => new[] { _inputs!.FromBytes(Image, _inputParameters!.Name) },
            LiteralPathSet => _inputs!.FromLiteralPaths(LiteralPath),
            PathInputSet when _inputParameters!.PathInput!.IsLiteral => _inputs!.FromLiteralPaths(new[] { _inputParameters.PathInput.Value }),
            PathInputSet => _inputs!.FromPaths(new[] { _inputParameters!.PathInput!.Value }),
            _ => _inputs!.FromPaths(Path),
        };

        private string ResolveImageFolder(string folder)
        {
            var resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(folder);
            if (!Directory.Exists(resolved))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new DirectoryNotFoundException($"The image folder '{resolved}' does not exist."),
                    "ImageFolderNotFound",
                    ErrorCategory.ObjectNotFound,
                    folder));
            }

            return resolved;
        }

        private void Release()
        {
            _session?.Dispose();
            _session = null;
            _credential?.Dispose();
            _credential = null;
            _cancellation?.Dispose();
            _cancellation = null;
        }
    }
}
