using System;
using System.Collections.Generic;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// Every threshold the offline recognizer's cascade uses, in one place, each with the reason it has its value.
    /// <see cref="Default"/> is what the module runs; tests build variants to drive the cascade. Thresholds that
    /// belong to a reader or to the card rules (digit probabilities, group gaps) live with them.
    /// </summary>
    internal sealed class RecognizerTuning
    {
        /// <summary>The tuning the module ships.</summary>
        public static RecognizerTuning Default { get; } = new RecognizerTuning();

        /// <summary>
        /// Detection passes in order, each stopping the cascade when its lines hold a verified number. 640 first: a
        /// card number's line is large, and 640 costs a quarter of 960's work. Then PaddleOCR's own 960 with its
        /// thresholds (0.3 pixel, 0.6 box); then the same map at permissive thresholds; then 1280 at permissive
        /// thresholds. The last two rescue different photos (docs/accuracy.md, "Measured outside the project": 6/9 →
        /// 7/9 read, none wrong). Scales never enlarge a smaller image except in the 1280 pass, as PaddleOCR's "max"
        /// limit does not either. Last, the 960 pass's thresholds on a copy of the photo with its contrast equalised
        /// (<see cref="DetectionPass.Equalizes"/>): embossed digits only a little lighter or darker than the card around
        /// them are often not found at all. On the 474 line-marked training photos it found the number line whole on 8
        /// more of the 154 real numbers and read 111 → 114 of them, no wrong number more; the synthetic cards of seeds
        /// 11 and 21 read exactly as before, since it runs only on a photo every other pass abstained on
        /// (docs/accuracy.md, "Equalised contrast").
        /// </summary>
        public IReadOnlyList<DetectionPass> Passes { get; set; } = new[]
        {
            new DetectionPass(640, 0.3f, 0.6f),
            new DetectionPass(960, 0.3f, 0.6f),
            new DetectionPass(960, 0.1f, 0.3f),
            new DetectionPass(1280, 0.1f, 0.3f, enlarges: true),
            new DetectionPass(960, 0.3f, 0.6f, equalizes: true),
        };

        /// <summary>
        /// Tiles along each side of the image for an equalising pass (<see cref="DetectionPass.Equalizes"/>): 8, the usual
        /// grid, about a card's digit group wide on a photo the card fills. Chosen before measuring; detections of the
        /// training photos at 4 tiles or clip limits 1.5 and 4 found the number line about as often (87–89 of 474 photos
        /// with part of it missed, against 90).
        /// </summary>
        public int EqualizerTiles { get; set; } = 8;

        /// <summary>The histogram clip of an equalising pass, in multiples of a tile's mean bin count (see <see cref="EqualizerTiles"/>).</summary>
        public float EqualizerClipLimit { get; set; } = 2.5f;

        /// <summary>
        /// Images are shrunk once, up front, to this long side: the largest detection scale, and the resolution lines
        /// are read at, so the full-size pixels are held only while decoding.
        /// </summary>
        public int LargestScale { get; set; } = 1280;

        /// <summary>
        /// When a pass below this scale verified the number but no date was read, one detection at this scale (with
        /// the second pass's thresholds) reads the lines not read yet: the date is printed smaller than the number
        /// and is often not found at 640 (synthetic hard set: ValidThru 85 → 88 %).
        /// </summary>
        public int DateLookScale { get; set; } = 960;

        /// <summary>
        /// Whether the date look enlarges a photo smaller than <see cref="DateLookScale"/> to it. Off: on 100 synthetic
        /// hard cards shrunk to 500 px (a real photo's median size), enlarging found 2 more dates right and returned 2
        /// wrong ones (84 right, 0 wrong without); reboxing the pass's own map at the permissive thresholds instead
        /// found none more (bench/Accuracy --real none --shrink 500 --level hard --count 100 --seed 5, with --tuning).
        /// </summary>
        public bool DateLookEnlarges { get; set; }

        /// <summary>
        /// Date-like lines (2–6 digits) read again, when the number is verified and no date was read even by the date
        /// look: each is re-read from <see cref="LineVote.Crops"/> and a date counts when a strict majority of the
        /// readings give it (<see cref="DateVote"/>). 0 turns the vote off. Measured with it off and on
        /// (bench/Accuracy --tuning DateVoteLines=0|2): synthetic hard, seed 3, ValidThru 82 → 83 right of 98 read, worn
        /// 47 → 47, 0 wrong either way; then on the labelled real photos 12 → 14 right of 55, wrong 2 → 2.
        /// </summary>
        public int DateVoteLines { get; set; } = 2;

        /// <summary>
        /// Whether a date read with the number is checked: its line is re-read from <see cref="LineVote.Crops"/>, and
        /// unless a strict majority of the readings give the same date, the card's dates are dropped (or replaced by
        /// the date a majority gives instead). A digit of a small date misread once is seldom misread the same way in
        /// four other crops. Off: on synthetic cards of seed 3 (bench/Accuracy --tuning ChecksDate=false|true, 100 hard
        /// and 100 worn) it left the dates right as they were (131 → 131; hard 83 → 82, worn 48 → 49) and one wrong date
        /// fewer (2 → 1), for about 90 ms more CPU on every read card (hard median 358 → 451 ms); on seed 21 (150 hard,
        /// 150 worn) it cost 3 right dates and saved no wrong one.
        /// </summary>
        public bool ChecksDate { get; set; }

        /// <summary>
        /// The weakest digit a date read by the first reader stands on without the card-digit model's backing (its
        /// reading of the same line holding the date's digits; <see cref="ExpiryDate.Backed"/>); a line whose date was
        /// not backed is not voted on either. A date has no check digit, so a misread year passes every plausibility
        /// rule. 0: every date stands. Chosen on synthetic worn cards of seed 11 and hard of seed 21, where every wrong
        /// date but a vote's had a digit under 0.8 that the model did not back (7 of 7), and 5 of 359 right ones did; then
        /// measured on seed 31 (bench/Accuracy --tuning SureDateDigitProbability=0|0.8, 150 cards): worn wrong dates
        /// 5 → 0, right 83 → 81; hard wrong 1 → 0, right 128 → 128 (docs/accuracy.md, "Dates backed by the second reader").
        /// A date the date vote gives counts its share of the five readings as its certainty, so one three of five gave
        /// needs the same backing, from the model's reading of the line or of the voted crops: worn seeds 11 and 41, wrong
        /// dates 1 → 0 each; seed 31 worn and hard, the right votes all kept.
        /// </summary>
        public float SureDateDigitProbability { get; set; } = 0.8f;

        /// <summary>
        /// The weakest digit of a number read by the second reader alone, on a line whose digits the readers could not
        /// pair (the first reader lost or added a digit): such a whole-line reading with a listed issuer's prefix and
        /// length joins the candidates when every digit is at least this sure, the gate the first reader's unpaired
        /// readings have always had. Above 1: never. Measured off (2) and at 0.5 (bench/Accuracy --tuning): synthetic
        /// seed 11, 150 per level, worn 100 → 107 exact, clean and hard unchanged, 0 wrong; the 474 line-marked
        /// training photos 102 → 105 of 154, and no wrong number once unlisted prefixes were left out (two 15-digit
        /// lines that were not the number, read at 0.96 with prefixes no issuer list knows, had been).
        /// </summary>
        public float LoneReadingMinimumDigitProbability { get; set; } = 0.5f;

        /// <summary>
        /// Whether the second look also fuses the second reader's own readings of its near crops
        /// (<see cref="LineVote.Crops"/>), and keeps what they give under the gate of <see cref="LoneReadingMinimumDigitProbability"/>.
        /// Not of the wide crops: on the line-marked training photos a wide vote of the second reader alone turned a flat
        /// specimen's number into a valid-looking wrong one.
        /// </summary>
        public bool LoneVotes { get; set; } = true;

        /// <summary>
        /// A date read on a card whose number only the second look verified is checked as <see cref="ChecksDate"/>
        /// checks one (its line re-read from <see cref="LineVote.Crops"/>), and stands only when at least this many of
        /// the five readings give it: a card that hard to read has its date misread as often. 0: not checked. Measured
        /// on synthetic worn cards of seed 11 (150; bench/Accuracy --tuning SecondLookDateAgreement=N), dates on the 21
        /// cards the second look read: 3 of 5, 12 right and 2 wrong; 4 of 5, 10 right and 0 wrong; 5 of 5 as 4 (unchecked,
        /// in a build whose second reader also voted on wide crops, 12 right and 5 wrong of 24).
        /// </summary>
        public int SecondLookDateAgreement { get; set; } = 4;

        /// <summary>
        /// A line the second look re-reads that holds too few digits for a card number (a digit group or more was
        /// never detected beside it) is also read from two crops that keep one end of the box and reach past the other
        /// to this many character widths (<see cref="LineVote.Reaches"/>); each is read by both readers and judged like
        /// a pass's line, and only a listed issuer's number may come of it. 0: no such crops. Measured off and at 22
        /// (bench/Accuracy --tuning SecondLookReach=0|22): synthetic worn, seed 11, 150: 118 → 124 exact, 0 wrong; seed
        /// 21: 110 → 110; clean and hard no worse, 0 wrong (docs/accuracy.md, "Reaching past a line's ends").
        /// </summary>
        public float SecondLookReach { get; set; } = 22f;

        /// <summary>Lines read per pass at most, largest first: a card has a handful, a busy photo dozens.</summary>
        public int MaximumLinesPerPass { get; set; } = 16;

        /// <summary>
        /// A line lower than this share of the image's long side (and than <see cref="MinimumLineHeightPixels"/>)
        /// cannot hold a legible digit at the reading resolution: 1/120 of the long side is 8 px at 960.
        /// </summary>
        public float MinimumLineHeightShare { get; set; } = 1f / 120;

        /// <summary>The recognizer's input is 48 px high; below 8 px a digit has too few pixels to be told apart.</summary>
        public float MinimumLineHeightPixels { get; set; } = 8;

        /// <summary>
        /// A line must be at least this many heights wide to hold digits: "MM/YY" is about 2.5 heights, so 1.8 keeps
        /// every date and number line and skips logos, single characters and chip contacts (most of the read time).
        /// </summary>
        public float MinimumLineAspect { get; set; } = 1.8f;

        /// <summary>
        /// A line overlapping one already read by this share of the smaller box's area, with widths within
        /// <see cref="SameLineWidthDifference"/>, is the same line found again by a later pass and is not re-read. A
        /// looser overlap skipped lines that later passes found longer (a group the first pass missed).
        /// </summary>
        public float SameLineOverlap { get; set; } = 0.9f;

        /// <summary>See <see cref="SameLineOverlap"/>: widths differing by less than this share of the wider box.</summary>
        public float SameLineWidthDifference { get; set; } = 0.1f;

        /// <summary>
        /// Lines given a second look (re-read from several crops, voting per digit) when every pass abstains: the two
        /// most certain lines with eight or more digits. A third line never held the number in the synthetic sets, and
        /// each costs seven more reads.
        /// </summary>
        public int SecondLookLines { get; set; } = 2;

        /// <summary>
        /// A box at least this many times longer one way than the other counts towards the text's direction; more
        /// upright than flat boxes mean the card lies sideways in the photo.
        /// </summary>
        public float DirectionAspect { get; set; } = 2f;

        /// <summary>
        /// Whether a photo on which nothing was verified upright is read again turned (a quarter both ways when its
        /// text runs up the frame, else half round). Only a verified number from a turned read replaces the upright
        /// outcome.
        /// </summary>
        public bool ReadsTurned { get; set; } = true;

        /// <summary>
        /// Passes a turned read runs, the first of <see cref="Passes"/>, before its second look. On 80 synthetic hard
        /// cards photographed sideways or upside down, one turned pass and four read the same 80 by the same steps
        /// (76 in the first pass, 4 in the second look; docs/performance.md, "Real photos (issue 16)"); the later
        /// passes made an abstaining photo's turned reads cost as much as its upright one.
        /// </summary>
        public int TurnedPasses { get; set; } = 1;

        /// <summary>
        /// Whether a number verified in a turned read must be read more surely (mean digit probability) than every
        /// 15–19-digit reading of the upright read to replace it: upside-down digits still look like digits, and a
        /// real upright card read turned by half gave a verified wrong number without it.
        /// </summary>
        public bool TurnedReadMustBeSurer { get; set; } = true;

        /// <summary>
        /// Whether a turned read counts the card-digit model's lone readings (a whole line or a near-crop vote that
        /// PP-OCRv4 did not pair; <see cref="LoneReadingMinimumDigitProbability"/>). Off: that model knows only upright
        /// card faces, and a turned read mostly sees an upright card upside down, where 6 and 9 swap and a 7 reads as a
        /// 1; a synthetic worn card (seed 31) was returned as its own number read upside down, verified by the model's
        /// lone vote, without this. Off costs nothing measured: 80 synthetic hard cards photographed turned (seed 3,
        /// --turn 180 and --turn 90) read 80 of 80 by the same steps either way, and that worn card abstains instead
        /// (docs/accuracy.md, "Turned reads and the card-digit model").
        /// </summary>
        public bool TurnedLoneReadings { get; set; }

        /// <summary>The tallest line for an image whose long side is <paramref name="longSide"/> that is still too low to read.</summary>
        public float MinimumLineHeight(int longSide) => Math.Max(MinimumLineHeightPixels, longSide * MinimumLineHeightShare);
    }

    /// <summary>One detection pass: the long side the image is scaled to and the DB thresholds applied to the map.</summary>
    internal readonly struct DetectionPass : IEquatable<DetectionPass>
    {
        public DetectionPass(int scale, float threshold, float boxThreshold, bool enlarges = false, bool equalizes = false)
        {
            Scale = scale;
            Threshold = threshold;
            BoxThreshold = boxThreshold;
            Enlarges = enlarges;
            Equalizes = equalizes;
        }

        /// <summary>The long side the detector sees.</summary>
        public int Scale { get; }

        /// <summary>Map pixels above this probability are text.</summary>
        public float Threshold { get; }

        /// <summary>A component whose mean probability is below this is dropped.</summary>
        public float BoxThreshold { get; }

        /// <summary>Whether a smaller image is enlarged to <see cref="Scale"/> (otherwise it is read at its own size).</summary>
        public bool Enlarges { get; }

        /// <summary>
        /// Whether the detector sees the image with its contrast equalised (<see cref="Imaging.ContrastEqualizer"/>)
        /// instead of as it is. The lines it finds are read from the image as it is, as every pass's are.
        /// </summary>
        public bool Equalizes { get; }

        /// <summary>Whether <paramref name="other"/> boxes the same detector map: the same scale of the same image, thresholds aside.</summary>
        public bool SharesMap(DetectionPass other) => Scale == other.Scale && Equalizes == other.Equalizes;

        /// <summary>This pass for an image of long side <paramref name="longSide"/>.</summary>
        public DetectionPass For(int longSide) =>
            new DetectionPass(Enlarges ? Scale : Math.Min(Scale, longSide), Threshold, BoxThreshold, Enlarges, Equalizes);

        public bool Equals(DetectionPass other) =>
            Scale == other.Scale && Threshold.Equals(other.Threshold) && BoxThreshold.Equals(other.BoxThreshold) && Equalizes == other.Equalizes;

        public override bool Equals(object? obj) => obj is DetectionPass other && Equals(other);

        public override int GetHashCode() => (Scale * 397) ^ Threshold.GetHashCode() ^ (BoxThreshold.GetHashCode() * 31) ^ (Equalizes ? 1 << 30 : 0);

        public override string ToString() => $"{Scale}/{Threshold}/{BoxThreshold}{(Equalizes ? " equalised" : string.Empty)}";
    }
}
