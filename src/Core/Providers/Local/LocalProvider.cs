using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BankcardOcr.Cards;
using BankcardOcr.Imaging;
using BankcardOcr.Recognition;

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

        /// <summary>Loads (or reuses) the models; throws <see cref="BankcardOcrException"/> naming the platform when ONNX Runtime cannot run here.</summary>
        public LocalProvider(LocalOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _models = OcrModels.Get(options.ModuleDirectory, options.IntraOpThreads);
        }

        /// <inheritdoc />
        public string Name => "Local";

        /// <summary>One image per core: each inference then runs on one thread (<see cref="LocalOptions.IntraOpThreads"/>).</summary>
        public int DefaultThrottleLimit => Environment.ProcessorCount;

        /// <inheritdoc />
        public double? DefaultRequestsPerSecond => null;

        /// <inheritdoc />
        public long? MaxFileBytes => null;

        /// <summary>Milliseconds the models took to load in this process.</summary>
        public long ModelLoadMilliseconds => _models.LoadMilliseconds;

        /// <summary>
        /// The card-digit line reader over this provider's module folder and thread count, a second opinion beside
        /// PP-OCRv4's recognizer; its readings are digit groups separated by single spaces. Loaded on first call and
        /// shared by the process.
        /// </summary>
        /// <exception cref="BankcardOcrException">ProviderError: the digit model cannot be loaded.</exception>
        internal DigitLineReader DigitReader() => DigitLineReader.Load(_options.ModuleDirectory, _options.IntraOpThreads);

        /// <summary>Refuses formats the decoder cannot read before any work is done.</summary>
        public Task<byte[]> PrepareImageAsync(byte[] image, RecognitionLog log, CancellationToken cancellationToken)
        {
            var format = ImageSniffer.Sniff(image).Format;
            if (format != ImageFormat.Jpeg && format != ImageFormat.Png && format != ImageFormat.Bmp && format != ImageFormat.Gif)
            {
                throw new BankcardOcrException(
                    BankcardOcrErrorKind.UnsupportedImageFormat,
                    $"The Local recognizer reads JPEG, PNG, BMP and GIF images; this one is {(format == ImageFormat.Unknown ? "not an image it knows" : format.ToString())}.",
                    Name);
            }

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
            var outcome = new CardReader(_models, image, cancellationToken).Read();
            log.Debug($"{source}: {outcome.Trace}");
            if (outcome.Chosen is null)
            {
                outcome = ReadTurned(image, outcome, source, log, cancellationToken);
            }

            var (from, thru) = ExpiryDate.Find(outcome.Readings);
            if (outcome.Chosen is CardNumberReading chosen)
            {
                return Result(chosen, from, thru, unverified: false);
            }

            var best = CardNumberChooser.BestUnverified(outcome.Candidates);
            if (best != null && _options.IncludeUnverified)
            {
                return Result(best, from, thru, unverified: true);
            }

            var seen = best != null ? "read " + best.Describe() : outcome.LongestDigitRun > 0
                ? $"the longest digit line read has {outcome.LongestDigitRun} digits"
                : "no line of digits was found";
            throw new BankcardOcrException(
                BankcardOcrErrorKind.NoCardFound,
                $"{source}: no card number that passes the number checks was found ({seen}). -IncludeUnverified returns the best reading anyway.",
                Name);
        }

        /// <summary>
        /// A card scanned or photographed sideways or upside down (and not tagged so in EXIF): when the upright read
        /// found no number, the photo is turned a quarter both ways if its text ran up or down the frame, else half
        /// round, and read again. Only a verified number from a turned photo replaces the upright outcome: an
        /// unverified reading of upside-down digits is noise, and the upright one is what -IncludeUnverified and
        /// the NoCardFound message should describe.
        /// </summary>
        private CardReaderOutcome ReadTurned(RgbImage image, CardReaderOutcome upright, string source, RecognitionLog log, CancellationToken cancellationToken)
        {
            foreach (var (orientation, degrees) in upright.Sideways ? new[] { (6, 90), (8, 270) } : new[] { (3, 180) })
            {
                cancellationToken.ThrowIfCancellationRequested();
                var turned = new CardReader(_models, ExifOrientation.Apply(image, orientation), cancellationToken).Read();
                log.Debug($"{source}: turned {degrees}°: {turned.Trace}");
                if (turned.Chosen != null)
                {
                    return turned;
                }
            }

            return upright;
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
                if (longSide <= CardReader.LargestScale)
                {
                    return decoded;
                }

                var scale = (double)CardReader.LargestScale / longSide;
                return BoxResampler.Resize(decoded, Math.Max(1, (int)Math.Round(decoded.Width * scale)), Math.Max(1, (int)Math.Round(decoded.Height * scale)));
            }
        }

        private static BankcardRecognitionResult Result(CardNumberReading reading, string from, string thru, bool unverified)
        {
            var bin = BinTable.Lookup(reading.Digits);
            var binFits = bin != null && bin.Length == reading.Digits.Length;
            return new BankcardRecognitionResult
            {
                CardNumber = reading.Digits,
                BankName = binFits ? bin!.BankName : string.Empty,
                CardType = binFits ? bin!.CardType.ToString() : nameof(CardType.Unknown),
                ValidFrom = from,
                ValidThru = thru,
                Confidence = ReadingConfidence.Of(reading),
                Warnings = unverified ? "Unverified" : string.Empty,
                FieldConfidences = "CardNumber=" + ReadingConfidence.Of(reading).ToString("0.####", CultureInfo.InvariantCulture),
            };
        }
    }
}
