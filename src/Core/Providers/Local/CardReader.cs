using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using BankcardOcr.Imaging;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// One image through the cascade, stopping at the first pass whose lines hold a verified card number: detection
    /// at long side 640 (a quarter of 960's work, and a card number's line is large), then PaddleOCR's 960 with its
    /// thresholds, then the same map at permissive thresholds, then 1280 at permissive thresholds. The last two
    /// rescue different photos (reference §0: 6/9 → 7/9 real cards, none wrong). Detection only locates lines: they
    /// are always read from the image at up to 1280, so a coarse pass costs no recognition accuracy. Lines already
    /// read in an earlier pass are not read again. When every pass fails, the likeliest lines get a second look
    /// (<see cref="LineVote"/>).
    /// </summary>
    internal sealed class CardReader
    {
        /// <summary>The largest detection scale; images are shrunk to it once, up front.</summary>
        public const int LargestScale = 1280;

        private const int FirstScale = 960;
        private const float UnclipRatio = 1.5f;

        /// <summary>Lines read per pass at most, largest first (a card has a handful; a busy photo, dozens).</summary>
        private const int MaximumLines = 16;

        private const int QuickScale = 640;

        /// <summary>Lines given a second look when no pass verified a number.</summary>
        private const int SecondLookLines = 2;

        private static readonly (int Scale, float Threshold, float BoxThreshold)[] Passes =
        {
            (QuickScale, 0.3f, 0.6f),
            (FirstScale, 0.3f, 0.6f),
            (FirstScale, 0.1f, 0.3f),
            (LargestScale, 0.1f, 0.3f),
        };

        private readonly OcrModels _models;
        private readonly RgbImage _image;
        private readonly CancellationToken _cancellationToken;
        private readonly List<RecognizedText> _readings = new List<RecognizedText>();
        private readonly List<TextBox> _read = new List<TextBox>();
        private readonly StringBuilder _trace = new StringBuilder();
        private int _wideBoxes;
        private int _tallBoxes;

        public CardReader(OcrModels models, RgbImage image, CancellationToken cancellationToken)
        {
            _models = models;
            _image = image;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Runs the passes until one yields a verified number.</summary>
        public CardReaderOutcome Read()
        {
            var candidates = new List<CardNumberReading>();
            DetectionMap? map = null;
            var mapScale = 0;
            var longSide = Math.Max(_image.Width, _image.Height);
            foreach (var pass in Passes)
            {
                _cancellationToken.ThrowIfCancellationRequested();

                // PaddleOCR's "max" limit: never enlarge for the first scales; the last pass enlarges on purpose.
                var scale = pass.Scale < LargestScale ? Math.Min(pass.Scale, longSide) : pass.Scale;
                if (map is null || mapScale != scale)
                {
                    map = TextDetector.Run(_models.Detector, _image, scale);
                    mapScale = scale;
                }

                var minimumHeight = Math.Max(8f, longSide / 120f);
                var boxes = map.Boxes(pass.Threshold, pass.BoxThreshold, UnclipRatio);
                CountShapes(boxes);
                var readings = ReadNewLines(boxes, minimumHeight);
                candidates.AddRange(CardNumberChooser.Candidates(readings).Where(c => !candidates.Any(k => k.Digits == c.Digits)));
                var chosen = CardNumberChooser.Choose(candidates);
                _trace.Append($"pass {scale}/{pass.Threshold}/{pass.BoxThreshold}: {readings.Length} lines, {candidates.Count} candidates; ");
                if (chosen != null)
                {
                    if (scale < FirstScale && ExpiryDate.Find(_readings).Thru.Length == 0)
                    {
                        LookForDate(Math.Min(FirstScale, longSide), minimumHeight);
                    }

                    return new CardReaderOutcome(chosen, candidates, _readings, _read, _trace.ToString(), Sideways);
                }
            }

            var voted = SecondLook(candidates);
            return new CardReaderOutcome(voted, candidates, _readings, _read, _trace.ToString(), Sideways);
        }

        /// <summary>
        /// The quick pass verified the number but read no date: the date is printed smaller than the number and is
        /// often not found at 640. One detection at <paramref name="scale"/>, with the second pass's thresholds,
        /// reads the lines not read yet.
        /// </summary>
        private void LookForDate(int scale, float minimumHeight)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var map = TextDetector.Run(_models.Detector, _image, scale);
            var readings = ReadNewLines(map.Boxes(Passes[1].Threshold, Passes[1].BoxThreshold, UnclipRatio), minimumHeight);
            _trace.Append($"date look {scale}: {readings.Length} lines; ");
        }

        /// <summary>
        /// Joins <paramref name="boxes"/> into lines, keeps the largest that can hold digits and were not read
        /// before, reads them and records them as read.
        /// </summary>
        private RecognizedText[] ReadNewLines(List<TextBox> boxes, float minimumHeight)
        {
            var lines = NumberLines.Join(boxes)
                .Where(l => NumberLines.CanHoldDigits(l, minimumHeight) && !AlreadyRead(l))
                .OrderByDescending(l => l.Width * l.Height)
                .Take(MaximumLines)
                .ToList();
            _cancellationToken.ThrowIfCancellationRequested();
            var readings = lines.Count == 0 ? Array.Empty<RecognizedText>() : LineRecognizer.Run(_models.Recognizer, _models.Columns, _image, lines);
            _read.AddRange(lines);
            _readings.AddRange(readings);
            return readings;
        }

        /// <summary>
        /// When no pass verified a number: the (at most two) most certain lines with a card number's digits or some of
        /// them are read again from slightly different crops and from crops reaching past both ends, and each set of
        /// readings votes (<see cref="LineVote"/>). What the votes give joins the candidates.
        /// </summary>
        private CardNumberReading? SecondLook(List<CardNumberReading> candidates)
        {
            var worth = Enumerable.Range(0, _read.Count)
                .Where(i => LineVote.IsWorthAnotherLook(_readings[i]))
                .OrderByDescending(i => _readings[i].Probabilities.DefaultIfEmpty(0).Average())
                .Take(SecondLookLines)
                .ToList();
            if (worth.Count == 0)
            {
                return null;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            var perLine = LineVote.Crops.Length + LineVote.WideCrops.Length;
            var crops = worth.SelectMany(i => LineVote.CropsAround(_read[i], LineVote.Crops.Concat(LineVote.WideCrops))).ToList();
            var rereadings = LineRecognizer.Run(_models.Recognizer, _models.Columns, _image, crops);
            var fused = 0;
            for (var n = 0; n < worth.Count; n++)
            {
                var near = new List<RecognizedText> { _readings[worth[n]] };
                near.AddRange(rereadings.Skip(n * perLine).Take(LineVote.Crops.Length));
                var wide = rereadings.Skip(n * perLine + LineVote.Crops.Length).Take(LineVote.WideCrops.Length).ToList();
                foreach (var votes in new[] { near, wide })
                {
                    if (LineVote.Fuse(votes) is RecognizedText vote)
                    {
                        fused++;
                        AddCandidates(candidates, vote);
                    }
                }
            }

            _trace.Append($"second look: {worth.Count} lines, {fused} voted, {candidates.Count} candidates; ");
            return CardNumberChooser.Choose(candidates);
        }

        /// <summary>More detected boxes stand upright than lie flat: the text runs up or down the photo.</summary>
        private bool Sideways => _tallBoxes > _wideBoxes;

        /// <summary>Counts boxes clearly longer one way than the other (text turned past 45° is boxed upright).</summary>
        private void CountShapes(List<TextBox> boxes)
        {
            foreach (var box in boxes)
            {
                _wideBoxes += box.Width >= 2 * box.Height ? 1 : 0;
                _tallBoxes += box.Height >= 2 * box.Width ? 1 : 0;
            }
        }

        /// <summary>Adds the readings of a voted line, each in place of a reading of the same digits whose weakest digit is weaker.</summary>
        private static void AddCandidates(List<CardNumberReading> candidates, RecognizedText vote)
        {
            foreach (var candidate in CardNumberChooser.Candidates(new[] { vote }))
            {
                candidates.RemoveAll(c => c.Digits == candidate.Digits && c.MinProbability <= candidate.MinProbability);
                if (!candidates.Any(c => c.Digits == candidate.Digits))
                {
                    candidates.Add(candidate);
                }
            }
        }

        /// <summary>A line overlapping one already read by more than half of the smaller is the same line.</summary>
        private bool AlreadyRead(TextBox line)
        {
            foreach (var done in _read)
            {
                var w = Math.Min(done.Right, line.Right) - Math.Max(done.Left, line.Left);
                var h = Math.Min(done.Bottom, line.Bottom) - Math.Max(done.Top, line.Top);
                if (w > 0 && h > 0 && w * h > 0.9f * Math.Min(done.Width * done.Height, line.Width * line.Height)
                    && Math.Abs(done.Width - line.Width) < 0.1f * Math.Max(done.Width, line.Width))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>What the cascade found.</summary>
    internal sealed class CardReaderOutcome
    {
        public CardReaderOutcome(CardNumberReading? chosen, List<CardNumberReading> candidates, List<RecognizedText> readings, List<TextBox> lines, string trace, bool sideways)
        {
            Sideways = sideways;
            Chosen = chosen;
            Candidates = candidates;
            Readings = readings;
            Lines = lines;
            Trace = trace;
            LongestDigitRun = readings.Count == 0 ? 0 : readings.Max(r => r.Text.Count(c => c >= '0' && c <= '9'));
        }

        /// <summary>The verified card number, or null.</summary>
        public CardNumberReading? Chosen { get; }

        public List<CardNumberReading> Candidates { get; }

        /// <summary>Every line read, for the expiry date.</summary>
        public List<RecognizedText> Readings { get; }

        /// <summary>The boxes of <see cref="Readings"/>, in the same order.</summary>
        public List<TextBox> Lines { get; }

        /// <summary>Digits in the line with the most of them.</summary>
        public int LongestDigitRun { get; }

        /// <summary>Whether the detected text mostly ran up or down the photo (a card photographed or scanned sideways).</summary>
        public bool Sideways { get; }

        /// <summary>Per pass, what was found (for -Debug; no digits).</summary>
        public string Trace { get; }
    }
}
