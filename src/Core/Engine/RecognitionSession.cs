using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BankcardOcr.Cards;
using BankcardOcr.Providers;
using BankcardOcr.Calls;

namespace BankcardOcr.Engine
{
    /// <summary>
    /// One recognition call from start to end: opened from a resolved <see cref="SessionPlan"/> (the providers built,
    /// connected and checked), then fed inputs as they come and drained at the end, with every outcome handed to an
    /// <see cref="IOutcomeWriter"/> on the caller's thread. Invoke-BankcardRecognition, the benchmarks and the tests all
    /// run calls through it, so none of them repeats the submit-and-drain loop. With a second provider it also routes:
    /// a fallback gets only the inputs the first provider could not verify, a cross-check gets every input, read
    /// alongside the next ones rather than after them. Every input submitted yields exactly one outcome, in input
    /// order when asked, unless the call ends with a fatal authentication failure.
    /// </summary>
    public sealed class RecognitionSession : IDisposable
    {
        /// <summary>How long one wait lasts before progress is reported and Ctrl+C looked at again.</summary>
        private static readonly TimeSpan WaitSlice = TimeSpan.FromMilliseconds(250);

        private readonly RecognitionBatch _first;
        private readonly RecognitionBatch? _second;
        private readonly SecondProviderRole _role;
        private readonly List<IRecognitionProvider> _owned;
        private readonly RecognitionOptions _options;
        private readonly SemaphoreSlim _signal = new SemaphoreSlim(0);
        private readonly Dictionary<long, Item> _byFirst = new Dictionary<long, Item>();
        private readonly Dictionary<long, Item> _bySecond = new Dictionary<long, Item>();
        private readonly Queue<Item> _toSecond = new Queue<Item>();
        private readonly SortedDictionary<long, RecognitionOutcome> _ready = new SortedDictionary<long, RecognitionOutcome>();
        private long _submitted;
        private long _written;
        private long _nextToWrite;
        private long _sentToSecond;
        private bool _ended;

        private RecognitionSession(IRecognitionProvider first, IRecognitionProvider? second, SecondProviderRole role, RecognitionOptions options, List<IRecognitionProvider> owned, CancellationToken cancellationToken)
        {
            _options = options;
            _role = role;
            _owned = owned;

            // The batches neither order nor mask: the session joins two providers' outcomes by input, compares
            // unmasked numbers, then orders and masks what it writes.
            var inner = new RecognitionOptions
            {
                ThrottleLimit = options.ThrottleLimit,
                MaxRequestsPerSecond = options.MaxRequestsPerSecond,
                Requests = options.Requests,
            };
            _first = new RecognitionBatch(first, inner, cancellationToken) { Signal = Wake };
            if (second != null)
            {
                _second = new RecognitionBatch(second, inner, cancellationToken) { Signal = Wake };
            }

            First = first;
            Second = second;
        }

        /// <summary>The provider every input goes to first.</summary>
        public IRecognitionProvider First { get; }

        /// <summary>The fallback or cross-checking provider, or null.</summary>
        public IRecognitionProvider? Second { get; }

        /// <summary>The recognitions run at once by the first provider.</summary>
        public int ThrottleLimit => _first.ThrottleLimit;

        /// <summary>Inputs submitted whose outcome has not been written.</summary>
        public long Pending => _submitted - _written;

        /// <summary>Outcomes written.</summary>
        public long Completed => _written;

        /// <summary>Inputs sent to the second provider.</summary>
        public long SentToSecond => _sentToSecond;

        /// <summary>What each provider runs with, for -Verbose: <c>Tencent: up to 8 requests in flight; …</c>.</summary>
        public IEnumerable<string> Describe(int? requestedThrottleLimit)
        {
            yield return Describe(_first, First, requestedThrottleLimit, role: null);
            if (_second != null)
            {
                yield return Describe(_second, Second!, requestedThrottleLimit, _role);
            }
        }

        /// <summary>Builds the plan's providers (a cloud provider may connect first: Huawei's IAM look-ups) and opens the session.</summary>
        /// <param name="plan">The resolved providers, settings and options.</param>
        /// <param name="cancellationToken">Cancels opening and, later, everything in flight (Ctrl+C).</param>
        /// <exception cref="BankcardOcrException">A provider could not be built (refused keys, an unreachable service).</exception>
        /// <exception cref="ArgumentException">A region is unknown and no endpoint was given.</exception>
        public static async Task<RecognitionSession> OpenAsync(SessionPlan plan, CancellationToken cancellationToken)
        {
            if (plan is null)
            {
                throw new ArgumentNullException(nameof(plan));
            }

            var owned = new List<IRecognitionProvider>();
            try
            {
                var first = await plan.Primary.Descriptor.CreateAsync(plan.Primary.Settings, cancellationToken).ConfigureAwait(false);
                owned.Add(first);
                IRecognitionProvider? second = null;
                if (plan.Second != null)
                {
                    second = await plan.Second.Descriptor.CreateAsync(plan.Second.Settings, cancellationToken).ConfigureAwait(false);
                    owned.Add(second);
                }

                return new RecognitionSession(first, second, plan.SecondRole, plan.Options, owned, cancellationToken);
            }
            catch
            {
                owned.ForEach(p => p.Dispose());
                throw;
            }
        }

        /// <summary>A session over providers the caller built and keeps (benchmarks, tests); it does not dispose them.</summary>
        public static RecognitionSession Over(IRecognitionProvider first, RecognitionOptions options, CancellationToken cancellationToken, IRecognitionProvider? second = null, SecondProviderRole role = SecondProviderRole.Fallback) =>
            new RecognitionSession(
                first ?? throw new ArgumentNullException(nameof(first)),
                second,
                role,
                options ?? throw new ArgumentNullException(nameof(options)),
                new List<IRecognitionProvider>(),
                cancellationToken);

        /// <summary>Whether the call ended on a fatal error (the writer was told); nothing more is accepted or written.</summary>
        public bool Ended => _ended;

        /// <summary>Submits every input and drains: a whole call, for callers that have their inputs at hand.</summary>
        public void Run(IEnumerable<RecognitionInput> inputs, IOutcomeWriter writer)
        {
            foreach (var input in inputs ?? throw new ArgumentNullException(nameof(inputs)))
            {
                if (_ended || writer.Stopping)
                {
                    return;
                }

                Submit(input, writer);
            }

            Drain(writer);
        }

        /// <summary>
        /// Hands <paramref name="input"/> to the session, writing whatever is ready while it waits for room. Returns
        /// when the input is accepted, or at once when the writer is stopping or the call has ended.
        /// </summary>
        public void Submit(RecognitionInput input, IOutcomeWriter writer)
        {
            if (input is null)
            {
                throw new ArgumentNullException(nameof(input));
            }

            if (writer is null)
            {
                throw new ArgumentNullException(nameof(writer));
            }

            while (!_ended && !TrySubmit(input))
            {
                if (writer.Stopping)
                {
                    return;
                }

                Pump(writer);
                Wait(writer);
            }

            Pump(writer);
        }

        /// <summary>Waits for every input submitted and writes the outcomes; returns early only when the writer is stopping.</summary>
        public void Drain(IOutcomeWriter writer)
        {
            if (writer is null)
            {
                throw new ArgumentNullException(nameof(writer));
            }

            Pump(writer);
            while (Pending > 0 && !writer.Stopping && !_ended)
            {
                Wait(writer);
                Pump(writer);
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _first.Dispose();
            _second?.Dispose();
            _owned.ForEach(p => p.Dispose());
            _signal.Dispose();
        }

        private static string Describe(RecognitionBatch batch, IRecognitionProvider provider, int? requested, SecondProviderRole? role)
        {
            var unit = provider.Descriptor.SendsRequests ? "requests in flight" : "photos at a time";
            var capped = requested is int asked && asked > batch.ThrottleLimit ? $" (-ThrottleLimit {asked} is more than it can use here)" : string.Empty;
            var what = role switch
            {
                SecondProviderRole.Fallback => " (fallback: only the inputs the first provider cannot verify)",
                SecondProviderRole.CrossCheck => " (cross-check: every input, compared)",
                _ => string.Empty,
            };
            return $"{provider.Name}{what}: up to {batch.ThrottleLimit} {unit}{capped}; {batch.StagesDescription}.";
        }

        private void Wake()
        {
            try
            {
                _signal.Release();
            }
            catch (ObjectDisposedException)
            {
                // A worker finishing after the session was disposed: nobody waits any more.
            }
        }

        private void Wait(IOutcomeWriter writer)
        {
            writer.Progress(new SessionProgress(_written, _first.Running + (_second?.Running ?? 0), _sentToSecond));
            _signal.Wait(WaitSlice);
        }

        /// <summary>Accepts an input when the first provider has room (and, for a cross-check, the second's line is not full).</summary>
        private bool TrySubmit(RecognitionInput input)
        {
            if (_second != null && _role == SecondProviderRole.CrossCheck && _toSecond.Count >= 2 * _second.ThrottleLimit)
            {
                return false;
            }

            if (!_first.TrySubmit(input, out var sequence))
            {
                return false;
            }

            if (sequence < 0)
            {
                return true; // dropped by a batch that has stopped; the call is ending with its fatal error
            }

            var item = new Item(_submitted++, input);
            _byFirst.Add(sequence, item);
            if (_second != null && _role == SecondProviderRole.CrossCheck)
            {
                _toSecond.Enqueue(item);
                FeedSecond(null);
            }

            return true;
        }

        /// <summary>Moves everything that has finished along, writes what is ready, and ends the call on a fatal error.</summary>
        private void Pump(IOutcomeWriter writer)
        {
            if (_ended)
            {
                return;
            }

            var stopped = _first.Fatal != null ? _first : _second?.Fatal != null ? _second : null;
            if (stopped != null)
            {
                // The stop cancels what is in flight at once; waiting for those requests to end lets every answer that
                // came in before it be written, so no finished image goes unreported.
                while ((_first.Running > 0 || (_second?.Running ?? 0) > 0) && !writer.Stopping)
                {
                    _signal.Wait(TimeSpan.FromMilliseconds(50));
                }
            }

            TakeFirst(writer);
            TakeSecond();
            FeedSecond(writer);
            stopped = _first.Fatal != null ? _first : _second?.Fatal != null ? _second : null;
            WriteReady(writer, stopped?.FatalInput);
            if (stopped != null && !writer.Stopping && !_ended)
            {
                _ended = true;
                writer.Fatal(stopped.Fatal!, stopped.FatalInput!);
            }
        }

        /// <summary>Takes the first provider's outcomes: ready, joined with a cross-check, or queued for the fallback.</summary>
        private void TakeFirst(IOutcomeWriter writer)
        {
            while (_first.TryTake() is RecognitionOutcome outcome)
            {
                var item = Take(_byFirst, outcome.Sequence);
                item.First = outcome;
                if (_second is null)
                {
                    Ready(item, outcome);
                }
                else if (_role == SecondProviderRole.CrossCheck)
                {
                    Join(item);
                }
                else if (SecondOpinion.NeedsFallback(outcome) && _first.Fatal is null && _second.Fatal is null && writer.ShouldSend(item.Input, _second.ProviderName))
                {
                    _toSecond.Enqueue(item);
                }
                else
                {
                    Ready(item, outcome);
                }
            }
        }

        /// <summary>Takes the second provider's outcomes: joined with the first's cross-checked one, or the fallback's answer.</summary>
        private void TakeSecond()
        {
            while (_second?.TryTake() is RecognitionOutcome outcome)
            {
                var item = Take(_bySecond, outcome.Sequence);
                item.Second = outcome;
                if (_role == SecondProviderRole.CrossCheck)
                {
                    Join(item);
                }
                else
                {
                    Ready(item, SecondOpinion.Fallback(item.Sequence, item.First!, outcome, _first.ProviderName));
                }
            }
        }

        /// <summary>Sends waiting inputs to the second provider while it has room.</summary>
        private void FeedSecond(IOutcomeWriter? writer)
        {
            while (_second != null && _toSecond.Count > 0 && _second.Fatal is null)
            {
                var item = _toSecond.Peek();
                if (!_second.TrySubmit(item.Input, out var sequence))
                {
                    return;
                }

                _toSecond.Dequeue();
                _sentToSecond++;
                if (sequence >= 0)
                {
                    _bySecond.Add(sequence, item);
                }
            }
        }

        /// <summary>A cross-checked input is ready once both providers have answered.</summary>
        private void Join(Item item)
        {
            if (item.First != null && item.Second != null)
            {
                Ready(item, SecondOpinion.CrossCheck(item.Sequence, item.First, item.Second, _second!.ProviderName));
            }
        }

        private void Ready(Item item, RecognitionOutcome outcome)
        {
            if (outcome.Sequence != item.Sequence || outcome.Input != item.Input)
            {
                outcome = new RecognitionOutcome(item.Sequence, item.Input, outcome.Result, outcome.Error, outcome.Log);
            }

            if (_options.MaskCardNumber && outcome.Result != null)
            {
                outcome.Result.CardNumber = CardNumberMask.Mask(outcome.Result.CardNumber);
            }

            _ready.Add(item.Sequence, outcome);
        }

        /// <summary>Writes the outcomes ready, in input order when asked; <paramref name="fatalInput"/>'s own error is left to the terminating one.</summary>
        private void WriteReady(IOutcomeWriter writer, RecognitionInput? fatalInput)
        {
            while (_ready.Count > 0 && !writer.Stopping)
            {
                RecognitionOutcome next;
                if (_options.Ordered)
                {
                    if (!_ready.TryGetValue(_nextToWrite, out next!))
                    {
                        return;
                    }

                    _nextToWrite++;
                }
                else
                {
                    using var first = _ready.GetEnumerator();
                    first.MoveNext();
                    next = first.Current.Value;
                }

                _ready.Remove(next.Sequence);
                _written++;
                if (next.Result != null || !ReferenceEquals(next.Input, fatalInput))
                {
                    writer.Write(next);
                }
            }
        }

        private static Item Take(Dictionary<long, Item> map, long sequence)
        {
            var item = map[sequence];
            map.Remove(sequence);
            return item;
        }

        /// <summary>One input on its way through the session.</summary>
        private sealed class Item
        {
            public Item(long sequence, RecognitionInput input)
            {
                Sequence = sequence;
                Input = input;
            }

            public long Sequence { get; }

            public RecognitionInput Input { get; }

            public RecognitionOutcome? First { get; set; }

            public RecognitionOutcome? Second { get; set; }
        }
    }
}
