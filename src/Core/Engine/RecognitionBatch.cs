using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BankcardOcr.Cards;
using BankcardOcr.Imaging;
using BankcardOcr.Providers;
using BankcardOcr.Calls;

namespace BankcardOcr.Engine
{
    /// <summary>
    /// Runs recognitions for a stream of inputs with at most ThrottleLimit in flight, while the caller keeps
    /// submitting. Every submitted input yields exactly one <see cref="RecognitionOutcome"/> (a result or an
    /// error), in completion order or, when asked, in input order. Only the caller's thread takes outcomes,
    /// which is what lets a cmdlet write them on its pipeline thread. An image is read when its worker
    /// starts, and its bytes are dropped when the request ends.
    /// </summary>
    public sealed class RecognitionBatch : IDisposable
    {
        private readonly IRecognitionProvider _provider;
        private readonly RecognitionOptions _options;
        private readonly IRecognitionStages _stages;
        private readonly object _gate = new object();
        private readonly Queue<(RecognitionInput Input, long Sequence)> _waiting = new Queue<(RecognitionInput, long)>();
        private readonly SemaphoreSlim _progress = new SemaphoreSlim(0);
        private readonly ConcurrentQueue<RecognitionOutcome> _completed = new ConcurrentQueue<RecognitionOutcome>();
        private readonly SortedDictionary<long, RecognitionOutcome> _reorder = new SortedDictionary<long, RecognitionOutcome>();
        private readonly CancellationTokenSource _cancellation;

        // Read by workers that may outlive Dispose; a token stays readable after its source is disposed, and
        // Dispose cancels first, so late registrations run at once instead of throwing.
        private readonly CancellationToken _token;

        // Cancelled when the authentication rule (AuthFailuresToStop) ends the batch: keys or a clock that are
        // wrong fail for every image (and Huawei locks an AK/SK pair after repeated failures), so nothing further
        // is sent. Linked to _token.
        private readonly CancellationTokenSource _stopSending;
        private readonly CancellationToken _sendToken;
        private BankcardOcrException? _fatal;

        // Evidence about this call's credentials, under _gate: whether the provider has accepted them once, and how
        // many images in a row (in completion order) have been refused authentication since it last did.
        private bool _credentialsAccepted;
        private int _authFailuresInARow;
        private long _submitted;
        private long _dropped;
        private int _running;
        private long _taken;
        private long _nextInOrder;

        /// <summary>Creates a batch for one provider.</summary>
        /// <param name="provider">The recognizer; the batch does not dispose it.</param>
        /// <param name="options">Throttle, rate, retries, timeout, ordering, masking.</param>
        /// <param name="cancellationToken">Cancels everything in flight (Ctrl+C).</param>
        public RecognitionBatch(IRecognitionProvider provider, RecognitionOptions options, CancellationToken cancellationToken)
        {
            _provider = provider ?? throw new ArgumentNullException(nameof(provider));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            var descriptor = provider.Descriptor;
            ThrottleLimit = descriptor.ThrottleLimitFor(options.ThrottleLimit);
            RequestsPerSecond = descriptor.SendsRequests ? options.MaxRequestsPerSecond ?? descriptor.DefaultRequestsPerSecond : null;
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _token = _cancellation.Token;
            _stopSending = CancellationTokenSource.CreateLinkedTokenSource(_token);
            _sendToken = _stopSending.Token;
            _stages = descriptor.CreateStages(options.Requests, RequestsPerSecond);
        }

        /// <summary>The provider's name.</summary>
        internal string ProviderName => _provider.Name;

        /// <summary>Called on a worker whenever an outcome is ready, so one waiter can watch several batches.</summary>
        internal Action? Signal { get; set; }

        /// <summary>
        /// Once the provider has accepted this call's credentials (a result, or a NoCardFound the service could only
        /// give after reading the image), an authentication failure on one image is that image's error; only this
        /// many images refused in a row, with no acceptance between them, show that the keys or the clock have
        /// stopped working for every request and end the batch. Before any acceptance the first one ends it.
        /// </summary>
        /// <remarks>
        /// Three, whatever the throttle limit: a blip must survive its own fresh-signature retry to fail one image at
        /// all (two expired-signature answers in a row), so three such images in a row with nothing accepted between
        /// them does not happen while the keys work; when they stop working every answer is a refusal, and counted
        /// from the last accepted answer the batch sends at most ThrottleLimit + 2 requests (the ones in flight then,
        /// one more for the worker that took that answer, and one for each of the first two refusals' workers; the
        /// third refusal stops everything). Tying it to the throttle limit would make it 1 at
        /// <c>-ThrottleLimit 1</c>, where a single blip would end the call again.
        /// </remarks>
        public const int AuthFailuresToStop = 3;

        /// <summary>What one outcome means for the authentication rule.</summary>
        private enum AuthenticationVerdict
        {
            /// <summary>Not a refusal, or an acceptance.</summary>
            None,

            /// <summary>A refusal that is this image's own error.</summary>
            OwnError,

            /// <summary>The refusal that ends the batch.</summary>
            Stops,

            /// <summary>A refusal that arrived after the batch ended.</summary>
            AfterTheStop,
        }

        /// <summary>The requests allowed in flight.</summary>
        public int ThrottleLimit { get; }

        /// <summary>The pipeline-wide request rate in force; null or 0 for none.</summary>
        public double? RequestsPerSecond { get; }

        /// <summary>How each recognition is run (retries, rate, time limit), for -Verbose.</summary>
        public string StagesDescription => _stages.Description;

        /// <summary>Inputs submitted whose outcome has not been taken yet (inputs dropped by a stop not counted).</summary>
        public long Pending
        {
            get
            {
                lock (_gate)
                {
                    return Interlocked.Read(ref _submitted) - _taken - _dropped;
                }
            }
        }

        /// <summary>Outcomes taken so far.</summary>
        public long Completed => _taken;

        /// <summary>Requests running right now (at most ThrottleLimit); inputs waiting in line are not counted.</summary>
        public int Running
        {
            get
            {
                lock (_gate)
                {
                    return _running;
                }
            }
        }

        /// <summary>
        /// The authentication failure that ended the batch (see <see cref="AuthFailuresToStop"/>): the batch then
        /// sends nothing more, cancels the requests in flight and drops the inputs still waiting (they get no
        /// outcome, and neither do refusals that arrive after it), and the caller ends the call with this error instead
        /// of one error per image. The failed input's own outcome is still queued, and so are the outcomes that came
        /// before it, per-image refusals included. Null while authentication failures are each their image's error.
        /// </summary>
        public BankcardOcrException? Fatal => Volatile.Read(ref _fatal);

        /// <summary>The input whose request failed with <see cref="Fatal"/>; null before that.</summary>
        public RecognitionInput? FatalInput { get; private set; }

        /// <summary>
        /// Accepts <paramref name="input"/> if there is room, and returns false (doing nothing) otherwise. Up to
        /// ThrottleLimit inputs run; up to ThrottleLimit more wait in line, so a worker that finishes starts the
        /// next request itself instead of waiting for the caller's thread to come round. Waiting inputs are
        /// only descriptions (a path, a URL): nothing is read until a worker takes them.
        /// </summary>
        /// <param name="input">The image to recognise.</param>
        public bool TrySubmit(RecognitionInput input) => TrySubmit(input, out _);

        /// <summary>As <see cref="TrySubmit(RecognitionInput)"/>, also giving the outcome's <see cref="RecognitionOutcome.Sequence"/> (−1 when the input was dropped because the batch has stopped).</summary>
        internal bool TrySubmit(RecognitionInput input, out long sequence)
        {
            if (input is null)
            {
                throw new ArgumentNullException(nameof(input));
            }

            sequence = -1;
            lock (_gate)
            {
                if (_fatal != null)
                {
                    // Accepted and dropped (never counted as submitted): the caller ends the call with Fatal.
                    return true;
                }

                if (input.Rejection != null)
                {
                    // Nothing to run: the error takes the input's place in the sequence at once.
                    sequence = Interlocked.Increment(ref _submitted) - 1;
                    _completed.Enqueue(new RecognitionOutcome(sequence, input, null, input.Rejection, Array.Empty<LogEntry>()));
                    _progress.Release();
                    Signal?.Invoke();
                    return true;
                }

                if (_running + _waiting.Count >= 2 * ThrottleLimit)
                {
                    return false;
                }

                sequence = Interlocked.Increment(ref _submitted) - 1;
                if (_running < ThrottleLimit)
                {
                    _running++;
                    // Task.Run keeps the caller's thread free of any synchronous part of the work.
                    var place = sequence;
                    _ = Task.Run(() => WorkAsync(input, place));
                }
                else
                {
                    _waiting.Enqueue((input, sequence));
                }
            }

            return true;
        }

        /// <summary>Returns the next outcome ready to be written (in input order when ordered), or null.</summary>
        public RecognitionOutcome? TryTake()
        {
            while (_completed.TryDequeue(out var outcome))
            {
                _reorder.Add(outcome.Sequence, outcome);
            }

            if (_reorder.Count == 0)
            {
                return null;
            }

            RecognitionOutcome next;
            if (_options.Ordered)
            {
                if (!_reorder.TryGetValue(_nextInOrder, out next!))
                {
                    return null;
                }

                _nextInOrder++;
            }
            else
            {
                using var first = _reorder.GetEnumerator();
                first.MoveNext();
                next = first.Current.Value;
            }

            _reorder.Remove(next.Sequence);
            _taken++;
            return next;
        }

        /// <summary>
        /// Blocks until some worker finishes or the time is up. It may return early for a completion already
        /// taken, so callers loop on <see cref="TryTake"/> rather than trusting one wake-up.
        /// </summary>
        /// <param name="timeout">The longest wait, so the caller can update progress meanwhile.</param>
        public bool WaitForProgress(TimeSpan timeout)
        {
            try
            {
                return _progress.Wait(timeout, _token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _cancellation.Cancel();
            _stages.Dispose();
            _stopSending.Dispose();
            _cancellation.Dispose();
        }

        private void StopSending()
        {
            try
            {
                _stopSending.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Disposed meanwhile: Dispose cancelled everything already.
            }
        }

        /// <summary>One worker: runs its input, then keeps taking waiting ones until the line is empty.</summary>
        private async Task WorkAsync(RecognitionInput input, long sequence)
        {
            while (true)
            {
                var finished = await RunAsync(input, sequence).ConfigureAwait(false);
                lock (_gate)
                {
                    if (!finished || _sendToken.IsCancellationRequested || _waiting.Count == 0)
                    {
                        // Inputs that will never run have no outcome; Pending stops counting them.
                        _dropped += (finished ? 0 : 1) + (_sendToken.IsCancellationRequested ? _waiting.Count : 0);
                        if (_sendToken.IsCancellationRequested)
                        {
                            _waiting.Clear();
                        }

                        // After Ctrl+C the waiting inputs are dropped with the worker: nothing is written afterwards.
                        _running--;
                        return;
                    }

                    (input, sequence) = _waiting.Dequeue();
                }
            }
        }

        /// <summary>Runs one input to its outcome; false when cancelled, in which case no outcome exists.</summary>
        private async Task<bool> RunAsync(RecognitionInput input, long sequence)
        {
            var log = new RecognitionLog(input.Source);
            BankcardRecognitionResult? result = null;
            BankcardOcrException? error = null;
            var watch = Stopwatch.StartNew();
            try
            {
                var image = await LoadAsync(input, log).ConfigureAwait(false);
                var (recognised, attempts) = await _stages.ExecuteAsync(
                    (attempt, token) => _provider.RecognizeAsync(new ProviderRequest(input, image, attempt, log), token),
                    log,
                    _sendToken).ConfigureAwait(false);
                image = null; // the bytes may go now; the result holds no reference to them
                ResultValidation.Validate(recognised, _provider.Name, log);
                result = Finish(recognised, input, attempts, watch.ElapsedMilliseconds);
                log.Verbose($"{input.Source}: {CardNumberMask.Mask(result.CardNumber)} in {result.ElapsedMilliseconds} ms after {attempts} attempt(s).");
            }
            catch (OperationCanceledException) when (_token.IsCancellationRequested)
            {
                // Stopped: no outcome is written after Ctrl+C.
                return false;
            }
            catch (OperationCanceledException) when (_sendToken.IsCancellationRequested)
            {
                // Another request's authentication failure ended the batch; that error speaks for this input too.
                return false;
            }
            catch (BankcardOcrException e)
            {
                error = e;
            }
            catch (Exception e)
            {
                error = Classify(e);
            }

            switch (WeighAuthentication(input, result, error))
            {
                case AuthenticationVerdict.Stops:
                    StopSending();
                    break;
                case AuthenticationVerdict.AfterTheStop:
                    // A refusal that arrives once the batch has stopped: the caller's one error stands for it, as
                    // for the requests cancelled in flight, so it has no outcome of its own.
                    return false;
            }

            _completed.Enqueue(new RecognitionOutcome(sequence, input, result, error, log.Drain()));
            _progress.Release();
            Signal?.Invoke();
            return true;
        }

        /// <summary>
        /// Applies <see cref="AuthFailuresToStop"/> to one outcome. When it ends the batch, <see cref="Fatal"/> and
        /// <see cref="FatalInput"/> are set here, under the same lock that weighs every other outcome.
        /// </summary>
        private AuthenticationVerdict WeighAuthentication(RecognitionInput input, BankcardRecognitionResult? result, BankcardOcrException? error)
        {
            lock (_gate)
            {
                if (result != null || error?.Kind == BankcardOcrErrorKind.NoCardFound)
                {
                    _credentialsAccepted = true;
                    _authFailuresInARow = 0;
                    return AuthenticationVerdict.None;
                }

                if (error?.Kind != BankcardOcrErrorKind.AuthenticationFailed)
                {
                    return AuthenticationVerdict.None;
                }

                if (_fatal != null)
                {
                    return AuthenticationVerdict.AfterTheStop;
                }

                if (_credentialsAccepted && ++_authFailuresInARow < AuthFailuresToStop)
                {
                    return AuthenticationVerdict.OwnError;
                }

                FatalInput = input;
                Volatile.Write(ref _fatal, !_credentialsAccepted ? error : new BankcardOcrException(
                    error.Kind,
                    $"{error.Message} {AuthFailuresToStop} images in a row were refused authentication after earlier requests were accepted, so the keys or the clock no longer work for any request; nothing more is sent.",
                    error.Provider,
                    error.ProviderCode,
                    error.HttpStatusCode,
                    error.RequestId,
                    error.IsRetryable,
                    error));
                return AuthenticationVerdict.Stops;
            }
        }

        private async Task<byte[]?> LoadAsync(RecognitionInput input, RecognitionLog log)
        {
            byte[] bytes;
            switch (input.Kind)
            {
                case RecognitionInputKind.Url:
                    return null;
                case RecognitionInputKind.Bytes:
                    bytes = input.Bytes!;
                    break;
                default:
                    bytes = await ReadFileAsync(input.FilePath!).ConfigureAwait(false);
                    break;
            }

            log.Debug($"{input.Source}: {bytes.Length:N0} bytes.");
            return await _provider.PrepareImageAsync(bytes, log, _token).ConfigureAwait(false);
        }

        private async Task<byte[]> ReadFileAsync(string path)
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
                if (stream.Length > _provider.Descriptor.MaxFileBytes)
                {
                    throw new BankcardOcrException(
                        BankcardOcrErrorKind.ImageTooLarge,
                        $"The file is {ImagePreflight.Size(stream.Length)}; {_provider.Name} reads files of at most {ImagePreflight.Size(_provider.Descriptor.MaxFileBytes)}.",
                        _provider.Name);
                }

                var buffer = new byte[stream.Length];
                var read = 0;
                while (read < buffer.Length)
                {
                    var n = await stream.ReadAsync(buffer, read, buffer.Length - read, _token).ConfigureAwait(false);
                    if (n == 0)
                    {
                        break;
                    }

                    read += n;
                }

                if (read != buffer.Length)
                {
                    Array.Resize(ref buffer, read);
                }

                return buffer;
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                throw new BankcardOcrException(BankcardOcrErrorKind.ImageNotFound, $"The file '{path}' does not exist.", _provider.Name, innerException: e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new BankcardOcrException(BankcardOcrErrorKind.ImageNotFound, $"The file '{path}' cannot be read: access is denied.", _provider.Name, innerException: e);
            }
            catch (IOException e) when (!(e is FileNotFoundException))
            {
                throw new BankcardOcrException(BankcardOcrErrorKind.ImageNotFound, $"The file '{path}' cannot be read: {e.Message}", _provider.Name, innerException: e);
            }
        }

        private BankcardRecognitionResult Finish(BankcardRecognitionResult result, RecognitionInput input, int attempts, long elapsed)
        {
            result.Source = input.Source;
            result.Provider = _provider.Name;
            result.Attempts = attempts;
            result.ElapsedMilliseconds = elapsed;
            result.DeriveNumberFacts();
            if (_options.MaskCardNumber)
            {
                result.CardNumber = CardNumberMask.Mask(result.CardNumber);
            }

            return result;
        }

        private BankcardOcrException Classify(Exception e) => e switch
        {
            HttpRequestException _ => new BankcardOcrException(BankcardOcrErrorKind.NetworkError, $"{_provider.Name} could not be reached: {e.Message}", _provider.Name, isRetryable: true, innerException: e),
            OperationCanceledException _ => new BankcardOcrException(BankcardOcrErrorKind.Timeout, $"{_provider.Name} did not answer in time.", _provider.Name, isRetryable: true, innerException: e),
            _ => new BankcardOcrException(BankcardOcrErrorKind.ProviderError, $"{_provider.Name} failed unexpectedly: {e.GetType().Name}: {e.Message}", _provider.Name, innerException: e),
        };
    }
}
