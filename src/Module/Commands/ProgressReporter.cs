using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;

namespace BankcardOcr.Commands
{
    /// <summary>
    /// Write-Progress for a batch: done/total when the total is known, rate and ETA, at most four updates a
    /// second (progress records are expensive to render), and a Completed record at the end.
    /// </summary>
    internal sealed class ProgressReporter
    {
        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
        private readonly Cmdlet _cmdlet;
        private readonly string _activity;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly int _activityId;
        private TimeSpan? _last;
        private bool _shown;

        // The latest counts an update skipped (updates are throttled), written by Complete so the bar's last
        // state is the true one rather than whatever was current a quarter second earlier.
        private (long Done, long InFlight, long Sent)? _skipped;

        public ProgressReporter(Cmdlet cmdlet, string activity, int activityId)
        {
            _cmdlet = cmdlet;
            _activity = activity;
            _activityId = activityId;
        }

        /// <summary>The fallback provider whose share the status counts (<c>3 sent to Tencent</c>), or null for none.</summary>
        public string? SentTo { get; set; }

        /// <summary>The total number of inputs, when known before the end (all bound at once rather than piped).</summary>
        public long? Total { get; set; }

        /// <summary>Reports progress, at most every quarter second unless forced.</summary>
        /// <param name="done">Inputs whose outcome was written.</param>
        /// <param name="inFlight">Requests running right now (not inputs waiting in line).</param>
        /// <param name="sent">Inputs sent to the fallback provider (<see cref="SentTo"/>) so far.</param>
        /// <param name="force">Write even within the quarter second.</param>
        public void Update(long done, long inFlight, long sent = 0, bool force = false)
        {
            var now = _clock.Elapsed;
            if (!force && _last is TimeSpan last && now - last < Interval)
            {
                _skipped = (done, inFlight, sent);
                return;
            }

            _last = now;
            _skipped = null;
            var rate = now.TotalSeconds > 0 ? done / now.TotalSeconds : 0;
            var record = new ProgressRecord(_activityId, _activity, Status(done, inFlight, rate, sent));
            if (Total is long total && total > 0)
            {
                record.PercentComplete = (int)Math.Min(100, done * 100 / total);
                if (rate > 0)
                {
                    record.SecondsRemaining = (int)Math.Ceiling((total - done) / rate);
                }
            }

            _cmdlet.WriteProgress(record);
            _shown = true;
        }

        public void Complete()
        {
            if (_skipped is (long done, long inFlight, long sent))
            {
                Update(done, inFlight, sent, force: true);
            }

            if (_shown)
            {
                _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        private string Status(long done, long inFlight, double rate, long sent)
        {
            var of = Total is long total ? " of " + total.ToString(CultureInfo.InvariantCulture) : string.Empty;
            var status = string.Format(CultureInfo.InvariantCulture, "{0}{1} images, {2} in flight, {3:0.#} per second", done, of, inFlight, rate);
            return SentTo is null ? status : status + string.Format(CultureInfo.InvariantCulture, ", {0} sent to {1}", sent, SentTo);
        }
    }
}
