using System.Collections.Concurrent;
using System.Collections.Generic;
using BankcardOcr.Cards;

namespace BankcardOcr.Calls
{
    /// <summary>The stream a message belongs on.</summary>
    public enum LogLevel
    {
        /// <summary>Write-Verbose.</summary>
        Verbose,
        /// <summary>Write-Debug.</summary>
        Debug,
        /// <summary>Write-Warning.</summary>
        Warning,
    }

    /// <summary>One message from a worker, masked when it was recorded.</summary>
    public readonly struct LogEntry
    {
        /// <summary>Creates an entry.</summary>
        public LogEntry(LogLevel level, string message)
        {
            Level = level;
            Message = message;
        }

        /// <summary>The stream.</summary>
        public LogLevel Level { get; }

        /// <summary>The text, card numbers already masked.</summary>
        public string Message { get; }
    }

    /// <summary>
    /// Messages that workers produce. Workers never write to PowerShell's streams (only the pipeline thread
    /// may); they record here and the cmdlet writes the entries when it writes the item's outcome.
    /// Card numbers are masked on the way in.
    /// </summary>
    public sealed class RecognitionLog
    {
        private readonly ConcurrentQueue<LogEntry> _entries = new ConcurrentQueue<LogEntry>();

        /// <summary>Creates a log for one item.</summary>
        /// <param name="subject">What the messages are about (a file name, a URL), for code that writes them without knowing the input; null when unnamed.</param>
        public RecognitionLog(string? subject = null) => Subject = subject;

        /// <summary>What the messages are about, e.g. <c>card.jpg</c>; null when not given.</summary>
        public string? Subject { get; }

        /// <summary>Records a verbose message.</summary>
        public void Verbose(string message) => _entries.Enqueue(new LogEntry(LogLevel.Verbose, CardNumberMask.MaskInText(message)));

        /// <summary>Records a debug message.</summary>
        public void Debug(string message) => _entries.Enqueue(new LogEntry(LogLevel.Debug, CardNumberMask.MaskInText(message)));

        /// <summary>Records a warning.</summary>
        public void Warning(string message) => _entries.Enqueue(new LogEntry(LogLevel.Warning, CardNumberMask.MaskInText(message)));

        /// <summary>Takes every entry recorded so far, oldest first.</summary>
        public IReadOnlyList<LogEntry> Drain()
        {
            var list = new List<LogEntry>();
            while (_entries.TryDequeue(out var entry))
            {
                list.Add(entry);
            }

            return list;
        }
    }
}
