using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using BankcardOcr.Imaging;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// The offline recognizer's plan for one photo, and the one place it is decided: detection passes in
    /// <see cref="RecognizerTuning.Passes"/> order, stopping at the first whose lines hold a verified number; the date
    /// look when a quick pass verified the number but read no date; a second look at the likeliest lines when every
    /// pass abstains; the photo read turned when nothing was verified upright (its first pass and a second look,
    /// <see cref="RecognizerTuning.TurnedPasses"/>); and, when all that verified nothing, the best unverified reading
    /// for -IncludeUnverified and the NoCardFound message. Detection only locates lines: they are always read from the
    /// image at up to <see cref="RecognizerTuning.LargestScale"/>, so a coarse pass costs no recognition accuracy. A
    /// line already read is not read again, and no detection runs twice at one scale. With a second reader (the
    /// card-digit model), every line is read by both and a number line's digits are judged by their agreement
    /// (<see cref="ReaderAgreement"/>); dates and the -Debug trace keep the first reader's reading.
    /// </summary>
    internal sealed class CardCascade
    {
        private readonly ITextDetector _detector;
        private readonly ILineReader _reader;
        private readonly ILineReader? _secondReader;
        private readonly RecognizerTuning _tuning;

        /// <param name="detector">Finds text lines.</param>
        /// <param name="reader">Reads them; its readings are the ones dates and the trace use.</param>
        /// <param name="tuning">The thresholds.</param>
        /// <param name="secondReader">A reader whose opinion is joined to <paramref name="reader"/>'s on number lines; null for one reader.</param>
        public CardCascade(ITextDetector detector, ILineReader reader, RecognizerTuning tuning, ILineReader? secondReader = null)
        {
            _detector = detector ?? throw new ArgumentNullException(nameof(detector));
            _reader = reader ?? throw new ArgumentNullException(nameof(reader));
            _tuning = tuning ?? throw new ArgumentNullException(nameof(tuning));
            _secondReader = secondReader;
        }

        /// <summary>The passes run on an image of long side <paramref name="longSide"/>: scaled to it, in order, none twice.</summary>
        public IReadOnlyList<DetectionPass> PassesFor(int longSide) =>
            _tuning.Passes.Select(p => p.For(longSide)).Distinct().ToList();

        /// <summary>Reads one upright photo (already no larger than <see cref="RecognizerTuning.LargestScale"/>).</summary>
        public CascadeOutcome Read(RgbImage image, CancellationToken cancellationToken)
        {
            var work = new CascadeWork();
            var upright = new Attempt(this, image, 0, work, cancellationToken).Run();
            var trace = upright.Trace;
            var turning = Stopwatch.StartNew();
            if (upright.Chosen is null && _tuning.ReadsTurned)
            {
                // A card scanned or photographed sideways or upside down and not tagged so in EXIF. Only a verified
                // number from a turned photo, read more surely than the upright readings, replaces the upright
                // outcome: an unverified reading of upside-down digits is noise, and the upright one is what
                // -IncludeUnverified and NoCardFound should describe.
                foreach (var degrees in upright.Sideways ? new[] { 90, 270 } : new[] { 180 })
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var turned = new Attempt(this, ExifOrientation.TurnClockwise(image, degrees), degrees, work, cancellationToken).Run();
                    trace += $" turned {degrees}°: {turned.Trace}";
                    if (turned.Chosen != null && !(_tuning.TurnedReadMustBeSurer && OutreadBy(turned.Chosen, upright)))
                    {
                        work.TurnedMilliseconds = turning.Elapsed.TotalMilliseconds;
                        return turned.WithTrace(trace, upright, work);
                    }
                }

                work.TurnedMilliseconds = turning.Elapsed.TotalMilliseconds;
            }

            return upright.WithTrace(trace, upright, work);
        }

        /// <summary>
        /// Whether the upright read held a 15–19-digit reading at least as certain as <paramref name="turned"/>, the
        /// number a turned read verified. Upside-down digits still look like digits (0, 1, 6, 8, 9 turn into digits),
        /// so the turned read of an upright card can verify a number by chance; the right orientation is the one whose
        /// digits its readers were surer of, and a card read upright more surely than turned keeps its upright outcome.
        /// </summary>
        private static bool OutreadBy(CardNumberReading turned, CascadeOutcome upright) =>
            upright.Candidates.Any(c => c.MeanProbability >= turned.MeanProbability);

        /// <summary>One orientation of the photo through the passes; holds what was read so far.</summary>
        private sealed class Attempt
        {
            private readonly CardCascade _cascade;
            private readonly RgbImage _image;
            private readonly int _turn;
            private readonly CascadeWork _work;
            private readonly CancellationToken _cancellationToken;
            private readonly List<TextBox> _read = new List<TextBox>();
            private readonly List<RecognizedText> _readings = new List<RecognizedText>();
            private readonly List<RecognizedText> _judged = new List<RecognizedText>();
            private readonly List<RecognizedText> _dated = new List<RecognizedText>();
            private readonly List<RecognizedText?> _seconds = new List<RecognizedText?>();
            private readonly List<CardNumberReading> _candidates = new List<CardNumberReading>();
            private readonly System.Text.StringBuilder _trace = new System.Text.StringBuilder();
            private readonly float _minimumHeight;
            private int _wideBoxes;
            private int _tallBoxes;
            private string _verifiedBy = string.Empty;
            private bool _dateLookFoundDate;
            private string _secondLookVote = string.Empty;
            private RecognizedText? _votedDate;
            private bool _dateDoubted;

            public Attempt(CardCascade cascade, RgbImage image, int turn, CascadeWork work, CancellationToken cancellationToken)
            {
                _cascade = cascade;
                _image = image;
                _turn = turn;
                _work = work;
                _cancellationToken = cancellationToken;
                _minimumHeight = Tuning.MinimumLineHeight(Math.Max(image.Width, image.Height));
            }

            private RecognizerTuning Tuning => _cascade._tuning;

            /// <summary>Whether the second reader's lone readings may verify a number here (<see cref="RecognizerTuning.TurnedLoneReadings"/>).</summary>
            private bool CountsLoneReadings => _turn == 0 || Tuning.TurnedLoneReadings;

            public CascadeOutcome Run()
            {
                var longSide = Math.Max(_image.Width, _image.Height);
                ITextMap? map = null;
                DetectionPass mapPass = default;
                var number = 0;
                var passes = _cascade.PassesFor(longSide);
                foreach (var pass in _turn == 0 ? passes : passes.Take(Tuning.TurnedPasses))
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    number++;
                    if (map is null || !mapPass.SharesMap(pass))
                    {
                        map = Detect(pass.Scale, pass.Equalizes);
                        mapPass = pass;
                    }

                    var boxes = map.Boxes(pass.Threshold, pass.BoxThreshold);
                    CountDirections(boxes);
                    var (readings, alone) = ReadNewLines(boxes);
                    AddCandidates(CardNumberChooser.Candidates(readings), keepStronger: false);
                    var lone = LoneCandidates(alone).ToList();
                    AddCandidates(lone, keepStronger: false);
                    _trace.Append($"pass {pass}: {readings.Count} lines, {_candidates.Count} candidates{(lone.Count > 0 ? $" ({lone.Count} read by one reader)" : string.Empty)}; ");
                    var chosen = CardNumberChooser.Choose(_candidates);
                    if (chosen != null)
                    {
                        _verifiedBy = $"pass {number}";
                        var found = ExpiryDate.Find(_dated).Thru;
                        if (found.Length > 0 && Tuning.ChecksDate)
                        {
                            CheckDate(found);
                        }
                        else if (found.Length == 0)
                        {
                            LookForDate(pass);
                            _dateLookFoundDate = ExpiryDate.Find(_dated).Thru.Length > 0;
                            if (!_dateLookFoundDate)
                            {
                                VoteOnDate();
                            }
                        }

                        return Outcome(chosen);
                    }
                }

                var clock = Stopwatch.StartNew();
                var second = SecondLook();
                _work.SecondLookMilliseconds += clock.Elapsed.TotalMilliseconds;
                _verifiedBy = second is null ? string.Empty : $"second look ({_secondLookVote})";
                if (second != null && Tuning.SecondLookDateAgreement > 0 && ExpiryDate.Find(_dated).Thru is var date && date.Length > 0)
                {
                    CheckDate(date, Tuning.SecondLookDateAgreement);
                }

                return Outcome(second);
            }

            /// <summary>The detector's map at <paramref name="scale"/>, of the image equalised when <paramref name="equalized"/>; counted and timed.</summary>
            private ITextMap Detect(int scale, bool equalized = false)
            {
                var longSide = Math.Max(_image.Width, _image.Height);
                var clock = Stopwatch.StartNew();
                var seen = equalized ? ContrastEqualizer.Equalize(_image, Tuning.EqualizerTiles, Tuning.EqualizerClipLimit) : _image;
                var map = _cascade._detector.Detect(seen, scale);
                _work.Detections++;
                _work.DetectedPixels += (long)Math.Round((double)_image.Width * _image.Height * scale / longSide * scale / longSide);
                _work.DetectMilliseconds += clock.Elapsed.TotalMilliseconds;
                return map;
            }

            /// <summary>
            /// The first reader's readings of <paramref name="lines"/> and, per line, the reading the card rules judge:
            /// the first reader's joined with the second's where both read the line's digits (<see cref="ReaderAgreement"/>),
            /// else the first reader's. Counted and timed.
            /// </summary>
            private (IReadOnlyList<RecognizedText> First, IReadOnlyList<RecognizedText> Judged, IReadOnlyList<RecognizedText> Lone, IReadOnlyList<RecognizedText> Second) Read(IReadOnlyList<TextBox> lines)
            {
                var readings = ReadFirst(lines);
                var lone = new List<RecognizedText>();
                if (_cascade._secondReader is null)
                {
                    return (readings, readings, lone, Array.Empty<RecognizedText>());
                }

                var clock = Stopwatch.StartNew();
                var second = _cascade._secondReader.Read(_image, lines);
                _work.SecondReadMilliseconds += clock.Elapsed.TotalMilliseconds;
                var judged = new RecognizedText[readings.Count];
                for (var i = 0; i < readings.Count; i++)
                {
                    judged[i] = ReaderAgreement.Join(readings[i], second[i], out var joined, out var disputed);
                    _work.LinesJoined += joined ? 1 : 0;
                    _work.LinesDisputed += disputed > 0 ? 1 : 0;
                    if (!joined && second[i] != null)
                    {
                        lone.Add(second[i]);
                    }
                }

                return (readings, judged, lone, second);
            }

            /// <summary>
            /// Candidates from the second reader's readings of lines whose digits the readers could not pair (one lost
            /// or added a digit): only whole lines with a listed issuer's prefix and length, read surely enough
            /// (<see cref="RecognizerTuning.LoneReadingMinimumDigitProbability"/>), that the card rules verify. Nothing
            /// but Luhn would check an unlisted prefix, and a reading no other reader backs is never kept to be
            /// described or voted on.
            /// </summary>
            private IEnumerable<CardNumberReading> LoneCandidates(IReadOnlyList<RecognizedText> lone) =>
                !CountsLoneReadings ? Enumerable.Empty<CardNumberReading>() : CardNumberChooser.Candidates(lone)
                    .Where(c => c.WholeLine && c.MatchesIssuer && c.MinProbability >= Tuning.LoneReadingMinimumDigitProbability && CardNumberChooser.Verified(c));

            /// <summary>The first reader's readings of <paramref name="lines"/>, counted and timed.</summary>
            private IReadOnlyList<RecognizedText> ReadFirst(IReadOnlyList<TextBox> lines)
            {
                var clock = Stopwatch.StartNew();
                var readings = _cascade._reader.Read(_image, lines);
                _work.LinesRead += lines.Count;
                _work.ReadMilliseconds += clock.Elapsed.TotalMilliseconds;
                return readings;
            }

            /// <summary>
            /// After <paramref name="pass"/> verified the number without a date: one detection at
            /// <see cref="RecognizerTuning.DateLookScale"/> (a smaller photo's own size unless
            /// <see cref="RecognizerTuning.DateLookEnlarges"/>) with the second pass's thresholds reads the lines not read
            /// yet. Only at a scale above the pass's: at its own, the same map and thresholds give the same lines.
            /// </summary>
            private void LookForDate(DetectionPass pass)
            {
                var longSide = Math.Max(_image.Width, _image.Height);
                var scale = Tuning.DateLookEnlarges ? Tuning.DateLookScale : Math.Min(Tuning.DateLookScale, longSide);
                if (scale <= pass.Scale)
                {
                    return;
                }

                _cancellationToken.ThrowIfCancellationRequested();
                var thresholds = Tuning.Passes.Count > 1 ? Tuning.Passes[1] : Tuning.Passes[0];
                var (readings, _) = ReadNewLines(Detect(scale).Boxes(thresholds.Threshold, thresholds.BoxThreshold));
                _trace.Append($"date look {scale}: {readings.Count} lines; ");
            }

            /// <summary>
            /// When the number is verified and no line read held a date: the likeliest date lines are read again from
            /// slightly different crops by the first reader (dates are its readings) and voted on (<see cref="DateVote"/>).
            /// </summary>
            private void VoteOnDate()
            {
                // Not a line whose date the card-digit model did not back: its crops would be read again by the reader
                // that was unsure of it, and on synthetic worn cards that vote gave the same misread year back.
                var lines = DateVote.Worth(_dated, Tuning.DateVoteLines, i => !ReferenceEquals(_dated[i], _readings[i]));
                if (lines.Count == 0)
                {
                    return;
                }

                var votes = DateVotes(lines);
                for (var n = 0; n < lines.Count && _votedDate is null; n++)
                {
                    if (DateVote.Fuse(votes[n]) is RecognizedText fused && BackedVote(lines[n], fused))
                    {
                        _votedDate = fused;
                    }
                }

                _trace.Append($"date vote: {lines.Count} lines, {(_votedDate is null ? "no date" : "a date")}; ");
            }

            /// <summary>
            /// Whether <paramref name="fused"/>, the vote on line <paramref name="line"/>'s date, stands as a date read
            /// would (<see cref="ExpiryDate.BackedByAny"/>): its certainty is the share of readings that gave it, so a date
            /// three of five gave needs the card-digit model's backing, from its reading of the line or of the crops voted
            /// on, which it reads only then.
            /// </summary>
            private bool BackedVote(int line, RecognizedText fused)
            {
                // Read surely (four or five of five), or backed by the model's reading of the line itself.
                if (ReferenceEquals(ExpiryDate.Backed(fused, _seconds[line], Tuning.SureDateDigitProbability), fused))
                {
                    return true;
                }

                if (_cascade._secondReader is null)
                {
                    return false;
                }

                _cancellationToken.ThrowIfCancellationRequested();
                var clock = Stopwatch.StartNew();
                var crops = _cascade._secondReader.Read(_image, LineVote.CropsAround(_read[line], LineVote.Crops).ToList());
                _work.SecondReadMilliseconds += clock.Elapsed.TotalMilliseconds;
                return ReferenceEquals(ExpiryDate.BackedByAny(fused, crops, Tuning.SureDateDigitProbability), fused);
            }

            /// <summary>
            /// Per line of <paramref name="lines"/> (indices into what was read), the votes on its date: its reading and
            /// the first reader's readings of <see cref="LineVote.Crops"/> around it, all crops read in one batch.
            /// </summary>
            private List<List<RecognizedText>> DateVotes(IReadOnlyList<int> lines)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var rereadings = ReadFirst(lines.SelectMany(i => LineVote.CropsAround(_read[i], LineVote.Crops)).ToList());
                return lines.Select((line, n) =>
                {
                    var votes = new List<RecognizedText> { _dated[line] };
                    votes.AddRange(rereadings.Skip(n * LineVote.Crops.Length).Take(LineVote.Crops.Length));
                    return votes;
                }).ToList();
            }

            /// <summary>
            /// When the number is verified with a date read: the line holding <paramref name="found"/> is read again from
            /// slightly different crops by the first reader, and the date stands only when a strict majority of the
            /// readings give it (<see cref="DateVote"/>); otherwise the dates are doubted and only a date the majority
            /// gave instead is kept.
            /// </summary>
            private void CheckDate(string found, int fewest = 0)
            {
                var line = Enumerable.Range(0, _dated.Count).First(i => ExpiryDate.Find(new[] { _dated[i] }) is var d && (d.Thru == found || d.From == found));
                var fused = DateVote.Fuse(DateVotes(new[] { line })[0], fewest);
                var confirmed = fused != null && ExpiryDate.Find(new[] { fused }).Thru == found;
                if (!confirmed)
                {
                    _dateDoubted = true;
                    _votedDate = fused;
                }

                _trace.Append($"date check: {(confirmed ? "confirmed" : fused is null ? "no majority" : "another date")}; ");
            }

            /// <summary>
            /// Joins <paramref name="boxes"/> into lines, keeps the largest that can hold digits and were not read
            /// before, reads them and records them as read; returns the readings the card rules judge, and the second
            /// reader's readings of the lines whose digits the readers could not pair.
            /// </summary>
            private (IReadOnlyList<RecognizedText> Judged, IReadOnlyList<RecognizedText> Lone) ReadNewLines(List<TextBox> boxes)
            {
                var lines = NumberLines.Join(boxes)
                    .Where(l => NumberLines.CanHoldDigits(l, _minimumHeight, Tuning.MinimumLineAspect) && !AlreadyRead(l))
                    .OrderByDescending(l => l.Width * l.Height)
                    .Take(Tuning.MaximumLinesPerPass)
                    .ToList();
                _cancellationToken.ThrowIfCancellationRequested();
                var (first, judged, lone, second) = lines.Count == 0
                    ? (Array.Empty<RecognizedText>(), Array.Empty<RecognizedText>(), Array.Empty<RecognizedText>(), Array.Empty<RecognizedText>())
                    : Read(lines);
                _read.AddRange(lines);
                _readings.AddRange(first);
                _judged.AddRange(judged);
                for (var i = 0; i < first.Count; i++)
                {
                    _seconds.Add(i < second.Count ? second[i] : null);
                    _dated.Add(ExpiryDate.Backed(first[i], _seconds[_seconds.Count - 1], Tuning.SureDateDigitProbability));
                }

                return (judged, lone);
            }

            /// <summary>
            /// When no pass verified a number: the most certain lines with a card number's digits or some of them are
            /// read again from slightly different crops and from crops reaching past both ends, and each set of
            /// readings votes (<see cref="LineVote"/>). What the votes give joins the candidates.
            /// </summary>
            private CardNumberReading? SecondLook()
            {
                var worth = Enumerable.Range(0, _read.Count)
                    .Where(i => LineVote.IsWorthAnotherLook(_judged[i]))
                    .OrderByDescending(i => _judged[i].Probabilities.DefaultIfEmpty(0).Average())
                    .Take(Tuning.SecondLookLines)
                    .ToList();
                if (worth.Count == 0)
                {
                    return null;
                }

                _cancellationToken.ThrowIfCancellationRequested();
                var perLine = LineVote.Crops.Length + LineVote.WideCrops.Length;
                var crops = worth.SelectMany(i => LineVote.CropsAround(_read[i], LineVote.Crops.Concat(LineVote.WideCrops))).ToList();
                var reaches = worth
                    .SelectMany((line, n) => LineVote.Reaches(_read[line], _judged[line], Tuning.SecondLookReach).Select(crop => (Line: n, Crop: crop)))
                    .ToList();
                crops.AddRange(reaches.Select(r => r.Crop));
                var reread = Read(crops);
                var rereadings = reread.Judged;
                var fused = 0;
                var votedBy = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var n = 0; n < worth.Count; n++)
                {
                    var near = new List<RecognizedText> { _judged[worth[n]] };
                    near.AddRange(rereadings.Skip(n * perLine).Take(LineVote.Crops.Length));
                    var wide = rereadings.Skip(n * perLine + LineVote.Crops.Length).Take(LineVote.WideCrops.Length).ToList();
                    foreach (var (votes, kind) in new[] { (near, "near"), (wide, "wide") })
                    {
                        if (LineVote.Fuse(votes) is RecognizedText vote)
                        {
                            fused++;
                            AddVoted(CardNumberChooser.Candidates(new[] { vote }).ToList(), $"line {n + 1} {kind}");
                        }
                    }

                    // The second reader's own readings of the near crops vote too, for a line the first reader keeps
                    // reading with a digit lost or added; what they give stands under the gate of a lone reading.
                    // Not the wide crops: reaching past the line, they read what lies beside it as well.
                    if (Tuning.LoneVotes && CountsLoneReadings && reread.Second.Count > 0
                        && LineVote.Fuse(reread.Second.Skip(n * perLine).Take(LineVote.Crops.Length).ToList()) is RecognizedText alone)
                    {
                        fused++;
                        AddVoted(LoneCandidates(new[] { alone }).ToList(), $"line {n + 1} near, one reader");
                    }
                }

                // A crop reaching past one end of a line too short for a number is read by both readers like a pass's
                // line, but only a listed issuer's prefix and length may come of it: the crop reads whatever lies past
                // the detected text, and for an unlisted prefix nothing but Luhn would check what it gave.
                for (var r = 0; r < reaches.Count; r++)
                {
                    AddVoted(CardNumberChooser.Candidates(new[] { rereadings[worth.Count * perLine + r] }).Where(c => c.MatchesIssuer).ToList(), $"line {reaches[r].Line + 1} reach");
                }

                void AddVoted(List<CardNumberReading> found, string by)
                {
                    AddCandidates(found, keepStronger: true);
                    foreach (var candidate in found.Where(c => _candidates.Contains(c)))
                    {
                        votedBy[candidate.Digits] = by;
                    }
                }

                _trace.Append($"second look: {worth.Count} lines, {fused} voted, {reaches.Count} reaching, {_candidates.Count} candidates; ");
                var chosen = CardNumberChooser.Choose(_candidates);
                _secondLookVote = chosen != null && votedBy.TryGetValue(chosen.Digits, out var by) && _candidates.Contains(chosen) ? by : "no vote";
                return chosen;
            }

            /// <summary>
            /// Adds new digit strings to the candidates. With <paramref name="keepStronger"/>, a voted reading also
            /// replaces an earlier reading of the same digits whose weakest digit is weaker.
            /// </summary>
            private void AddCandidates(IEnumerable<CardNumberReading> found, bool keepStronger)
            {
                foreach (var candidate in found)
                {
                    if (keepStronger)
                    {
                        _candidates.RemoveAll(c => c.Digits == candidate.Digits && c.MinProbability <= candidate.MinProbability);
                    }

                    if (!_candidates.Any(c => c.Digits == candidate.Digits))
                    {
                        _candidates.Add(candidate);
                    }
                }
            }

            /// <summary>Counts boxes clearly longer one way than the other (text turned past 45° is boxed upright).</summary>
            private void CountDirections(List<TextBox> boxes)
            {
                foreach (var box in boxes)
                {
                    _wideBoxes += box.Width >= Tuning.DirectionAspect * box.Height ? 1 : 0;
                    _tallBoxes += box.Height >= Tuning.DirectionAspect * box.Width ? 1 : 0;
                }
            }

            /// <summary>Whether <paramref name="line"/> is one already read, found again by a later pass (<see cref="RecognizerTuning.SameLineOverlap"/>).</summary>
            private bool AlreadyRead(TextBox line)
            {
                foreach (var done in _read)
                {
                    var w = Math.Min(done.Right, line.Right) - Math.Max(done.Left, line.Left);
                    var h = Math.Min(done.Bottom, line.Bottom) - Math.Max(done.Top, line.Top);
                    if (w > 0 && h > 0 && w * h > Tuning.SameLineOverlap * Math.Min(done.Width * done.Height, line.Width * line.Height)
                        && Math.Abs(done.Width - line.Width) < Tuning.SameLineWidthDifference * Math.Max(done.Width, line.Width))
                    {
                        return true;
                    }
                }

                return false;
            }

            private CascadeOutcome Outcome(CardNumberReading? chosen) =>
                new CascadeOutcome(chosen, _candidates, _readings, _read, _turn, _tallBoxes > _wideBoxes, _trace.ToString(), _votedDate, _dateDoubted, _dated)
                {
                    VerifiedBy = _turn == 0 || _verifiedBy.Length == 0 ? _verifiedBy : $"turned {_turn}°, {_verifiedBy}",
                    DateLookFoundDate = _dateLookFoundDate,
                };
        }
    }
}
