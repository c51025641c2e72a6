using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using BankcardOcr.Cards;
using BankcardOcr.Imaging;
using BankcardOcr.Calls;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// The offline recognizer: PP-OCRv4 text detection and recognition through ONNX Runtime, card rules on the
    /// digits, and a cascade of more permissive detection passes while the rules find nothing. No credential, no
    /// network. The models are loaded when the provider is built (the cmdlet's first use) and shared by every
    /// later invocation in the process.
    /// </summary>
    public sealed class LocalProvider : IRecognitionProvider
    {
        private readonly LocalOptions _options;
        private readonly OcrModels _models;
        private readonly CardCascade _cascade;

        /// <summary>Loads (or reuses) the models; throws <see cref="BankcardOcrException"/> naming the platform when ONNX Runtime cannot run here.</summary>
        public LocalProvider(LocalOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _models = OcrModels.Get(options.ModuleDirectory, options.IntraOpThreads);
            _cascade = new CardCascade(
                new PpOcrTextDetector(_models.Detector),
                new PpOcrLineReader(_models.Recognizer, _models.Columns),
                RecognizerTuning.Default,
                options.JoinsDigitReader ? DigitLineReader.Load(options.ModuleDirectory, options.IntraOpThreads) : null);
        }

        /// <inheritdoc />
        public string Name => "Local";

        /// <inheritdoc />
        public ProviderDescriptor Descriptor => LocalDescriptor.Instance;

        /// <summary>Told, for each image, which lines the upright cascade read (bench/Accuracy's stage breakdown); unset in the module.</summary>
        internal Action<CascadeLines>? LinesRead { get; set; }

        /// <summary>Milliseconds the models took to load in this process.</summary>
        public long ModelLoadMilliseconds => _models.LoadMilliseconds;

        /// <summary>Refuses, before any decoding, an image outside <see cref="LocalDescriptor.Limits"/>.</summary>
        public Task<byte[]> PrepareImageAsync(byte[] image, RecognitionLog log, CancellationToken cancellationToken)
        {
            ImagePreflight.Check(image, LocalDescriptor.Limits, Name);
            return Task.FromResult(image);
        }

        /// <inheritdoc />
        public Task<BankcardRecognitionResult> RecognizeAsync(ProviderRequest request, CancellationToken cancellationToken)
        {
            if (request.Image is null)
            {
                throw new BankcardOcrException(
                    BankcardOcrErrorKind.ProviderError,
                    $"{request.Input.Source}: the Local recognizer works offline and does not download images; save the image and pass its path.",
                    Name);
            }

            return Task.Run(() => Recognize(request.Image, request.Input.Source, request.Log, cancellationToken), cancellationToken);
        }

        /// <summary>Nothing to release: the models are shared by the process.</summary>
        public void Dispose()
        {
        }

        private async Task<BankcardRecognitionResult> Recognize(byte[] bytes, string source, RecognitionLog log, CancellationToken cancellationToken)
        {
            var image = await LoadAsync(bytes, source, cancellationToken).ConfigureAwait(false);
            var outcome = _cascade.Read(image, cancellationToken);
            log.Debug($"{source}: {outcome.Trace}");
            LinesRead?.Invoke(new CascadeLines(source, image.Width, image.Height, outcome.Upright.Lines, outcome.Upright.Readings)
            {
                VerifiedBy = outcome.VerifiedBy,
                DateLookFoundDate = outcome.DateLookFoundDate,
                ValidThruCertainty = outcome.ValidThruCertainty,
                Work = outcome.Work,
            });
            if (outcome.Chosen is CardNumberReading chosen)
            {
                return Result(chosen, outcome, unverified: false);
            }

            var best = outcome.BestUnverified;
            if (best != null && _options.IncludeUnverified)
            {
                return Result(best, outcome, unverified: true);
            }

            // Only a call that can do something about it is told of the switch: with it, there was nothing to return.
            var seen = best != null ? "read " + best.Describe() : "no digits were read";
            var hint = best != null ? " -IncludeUnverified returns the best reading anyway." : string.Empty;
            throw new BankcardOcrException(
                BankcardOcrErrorKind.NoCardFound,
                $"{source}: no card number that passes the number checks was found ({seen}).{hint}",
                Name);
        }

        /// <summary>Decodes and turns upright, then keeps at most the detector's largest scale, so the full-size pixels are held only briefly.</summary>
        private static async Task<RgbImage> LoadAsync(byte[] bytes, string source, CancellationToken cancellationToken)
        {
            using (await DecodeGate.EnterAsync(cancellationToken).ConfigureAwait(false))
            {
                var decoded = RgbDecoder.Decode(bytes) ?? throw new BankcardOcrException(
                    BankcardOcrErrorKind.UnsupportedImageFormat,
                    $"{source}: the image cannot be decoded; it is damaged or uses an unsupported variant of its format.",
                    "Local");
                decoded = ExifOrientation.Apply(decoded, ExifOrientation.Read(bytes));
                NativeHeap.Trim();

                var longSide = Math.Max(decoded.Width, decoded.Height);
                var largest = RecognizerTuning.Default.LargestScale;
                if (longSide <= largest)
                {
                    return decoded;
                }

                var scale = (double)largest / longSide;
                return BoxResampler.Resize(decoded, Math.Max(1, (int)Math.Round(decoded.Width * scale)), Math.Max(1, (int)Math.Round(decoded.Height * scale)));
            }
        }

        private static BankcardRecognitionResult Result(CardNumberReading reading, CascadeOutcome outcome, bool unverified)
        {
            var bin = BinTable.Lookup(reading.Digits);
            var binFits = bin != null && bin.Length == reading.Digits.Length;
            return new BankcardRecognitionResult
            {
                CardNumber = reading.Digits,
                BankName = binFits ? bin!.BankName : string.Empty,
                CardType = binFits ? bin!.CardType.ToString() : nameof(CardType.Unknown),
                ValidFrom = outcome.ValidFrom,
                ValidThru = outcome.ValidThru,
                Confidence = ReadingConfidence.Of(reading),
                Warnings = unverified ? ResultValidation.Unverified : string.Empty,
                FieldConfidences = "CardNumber=" + ReadingConfidence.Of(reading).ToString("0.####", CultureInfo.InvariantCulture),
            };
        }
    }
}
