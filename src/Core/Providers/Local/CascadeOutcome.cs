using System.Collections.Generic;
using System.Linq;

namespace BankcardOcr.Providers.Local
{
    /// <summary>What the cascade found in one photo.</summary>
    internal sealed class CascadeOutcome
    {
        // The readings the dates come from: the lines as the date rules see them, a voted date, or only the vote.
        private readonly IEnumerable<RecognizedText> _dated;

        public CascadeOutcome(
            CardNumberReading? chosen,
            IReadOnlyList<CardNumberReading> candidates,
            IReadOnlyList<RecognizedText> readings,
            IReadOnlyList<TextBox> lines,
            int turn,
            bool sideways,
            string trace,
            RecognizedText? votedDate = null,
            bool dateDoubted = false,
            IReadOnlyList<RecognizedText>? dateReadings = null)
        {
            Chosen = chosen;
            Candidates = candidates;
            Readings = readings;
            Lines = lines;
            Turn = turn;
            Sideways = sideways;
            Trace = trace;
            BestUnverified = chosen is null ? BestReading(candidates, readings) : null;
            VotedDate = votedDate;
            DateDoubted = dateDoubted;
            DateReadings = dateReadings ?? readings;
            _dated = dateDoubted ? (votedDate is null ? Enumerable.Empty<RecognizedText>() : new[] { votedDate })
                : votedDate is null ? DateReadings : DateReadings.Concat(new[] { votedDate });
            (ValidFrom, ValidThru) = ExpiryDate.Find(_dated);
            LongestDigitRun = readings.Count == 0 ? 0 : readings.Max(r => r.Text.Count(c => c >= '0' && c <= '9'));
            Upright = this;
        }

        /// <summary>The verified card number, or null.</summary>
        public CardNumberReading? Chosen { get; }

        /// <summary>
        /// When nothing was verified, the best reading of 15–19 digits that failed the checks, else the longest line of
        /// digits read (not a date); null when a number was verified or no digit was read.
        /// </summary>
        public CardNumberReading? BestUnverified { get; }

        /// <summary>Every 15–19-digit reading considered.</summary>
        public IReadOnlyList<CardNumberReading> Candidates { get; }

        /// <summary>Every line read, in reading order (for the expiry date).</summary>
        public IReadOnlyList<RecognizedText> Readings { get; }

        /// <summary>
        /// <see cref="Readings"/> as the date rules see them: a date neither read surely nor backed by the card-digit
        /// model loses its slash (<see cref="ExpiryDate.Backed"/>).
        /// </summary>
        public IReadOnlyList<RecognizedText> DateReadings { get; }

        /// <summary>A date the re-read date lines agreed on (<see cref="DateVote"/>), when the lines read held none; else null.</summary>
        public RecognizedText? VotedDate { get; }

        /// <summary>
        /// Whether the date read with the number was not confirmed when its line was read again: the dates are then
        /// only <see cref="VotedDate"/>'s (what a majority of the re-readings gave instead), or none.
        /// </summary>
        public bool DateDoubted { get; }

        /// <summary>
        /// How surely <see cref="ValidThru"/> was read (<see cref="ExpiryDate.Certainty"/>); 0 without one. Worked out
        /// when asked: only the accuracy bench asks.
        /// </summary>
        public float ValidThruCertainty => ExpiryDate.Certainty(_dated, ValidThru);

        /// <summary>The boxes of <see cref="Readings"/>, in the pixels of the photo turned by <see cref="Turn"/>.</summary>
        public IReadOnlyList<TextBox> Lines { get; }

        /// <summary>Degrees clockwise the photo was turned for this outcome (0 upright).</summary>
        public int Turn { get; }

        /// <summary>Whether the detected text mostly ran up or down the photo (a card photographed or scanned sideways).</summary>
        public bool Sideways { get; }

        /// <summary>MM/yyyy, or empty.</summary>
        public string ValidFrom { get; }

        /// <summary>MM/yyyy, or empty.</summary>
        public string ValidThru { get; }

        /// <summary>Digits in the line with the most of them.</summary>
        public int LongestDigitRun { get; }

        /// <summary>Per pass, what was found (for -Debug; no digits).</summary>
        public string Trace { get; }

        /// <summary>
        /// The step that verified <see cref="Chosen"/>: "pass N" (1-based, in <see cref="RecognizerTuning.Passes"/>
        /// order), "second look", either prefixed "turned D°, " for a turned read; empty when nothing was verified.
        /// </summary>
        public string VerifiedBy { get; internal set; } = string.Empty;

        /// <summary>Whether the date look ran and the date came from a line only it read.</summary>
        public bool DateLookFoundDate { get; internal set; }

        /// <summary>What the whole cascade did for the photo, every orientation included (set on the final outcome).</summary>
        public CascadeWork Work { get; private set; } = new CascadeWork();

        /// <summary>
        /// The best 15–19-digit reading, unless it is only some groups of a line and no issuer uses it, in which case
        /// the whole line it came from (a 20-digit specimen line) says more; with no such reading, the longest line of
        /// digits read.
        /// </summary>
        private static CardNumberReading? BestReading(IReadOnlyList<CardNumberReading> candidates, IReadOnlyList<RecognizedText> readings)
        {
            var best = CardNumberChooser.BestUnverified(candidates);
            var fragment = CardNumberChooser.BestFragment(readings);
            if (best is null || (!best.MatchesIssuer && !best.WholeLine && fragment != null
                && fragment.Digits.Length > best.Digits.Length && fragment.Digits.Contains(best.Digits)))
            {
                return fragment ?? best;
            }

            return best;
        }

        /// <summary>The outcome of the upright read (this one, unless a turned read replaced it).</summary>
        public CascadeOutcome Upright { get; private set; } = null!;

        /// <summary>The same outcome with the trace of every orientation tried, the upright read's outcome and the work done.</summary>
        public CascadeOutcome WithTrace(string trace, CascadeOutcome upright, CascadeWork work) =>
            new CascadeOutcome(Chosen, Candidates, Readings, Lines, Turn, Sideways, trace, VotedDate, DateDoubted, DateReadings)
            {
                Upright = upright,
                VerifiedBy = VerifiedBy,
                DateLookFoundDate = DateLookFoundDate,
                Work = work,
            };
    }

    /// <summary>The inference work one photo cost the cascade: the measure of what an abstention costs against a read.</summary>
    internal sealed class CascadeWork
    {
        /// <summary>Detector runs.</summary>
        public int Detections { get; set; }

        /// <summary>Pixels the detector was given over all runs (before rounding to its multiples of 32).</summary>
        public long DetectedPixels { get; set; }

        /// <summary>Line crops given to the reader, second-look crops included.</summary>
        public int LinesRead { get; set; }

        /// <summary>Wall time in the detector (waiting for its gate included).</summary>
        public double DetectMilliseconds { get; set; }

        /// <summary>Wall time in the reader.</summary>
        public double ReadMilliseconds { get; set; }

        /// <summary>Wall time in the second reader (the card-digit model), when there is one.</summary>
        public double SecondReadMilliseconds { get; set; }

        /// <summary>Lines whose digits both readers read, joined digit by digit.</summary>
        public int LinesJoined { get; set; }

        /// <summary>Of <see cref="LinesJoined"/>, those where the readers disputed at least one digit.</summary>
        public int LinesDisputed { get; set; }

        /// <summary>Wall time of second looks, every orientation's.</summary>
        public double SecondLookMilliseconds { get; set; }

        /// <summary>Wall time of the turned reads.</summary>
        public double TurnedMilliseconds { get; set; }
    }
}
