using System.Collections.Generic;
using System.Linq;
using BankcardOcr.Cards;
using BankcardOcr.Providers;
using BankcardOcr.Calls;

namespace BankcardOcr.Engine
{
    /// <summary>
    /// How the outcomes of two providers for one input become the one outcome the user gets: the fallback's rules
    /// (which inputs go on, and what a fallback answer replaces) and the cross-check's (what agreement and disagreement
    /// look like). Card numbers are compared whole and only ever shown masked.
    /// </summary>
    internal static class SecondOpinion
    {
        /// <summary>The warning of a result whose number the cross-checking provider read differently.</summary>
        public const string ProvidersDisagree = "ProvidersDisagree";

        /// <summary>Whether the first provider's outcome leaves the input to the fallback: no number found, or one that failed the number checks.</summary>
        public static bool NeedsFallback(RecognitionOutcome first) =>
            first.Error?.Kind == BankcardOcrErrorKind.NoCardFound
            || (first.Result != null && ResultValidation.IsUnverified(first.Result));

        /// <summary>
        /// The outcome of an input the fallback read: its result when it has one; the first provider's unverified
        /// reading when the fallback found no card either; otherwise the fallback's error, which says why the input
        /// is still unread (an unreachable service, a refused image).
        /// </summary>
        public static RecognitionOutcome Fallback(long sequence, RecognitionOutcome first, RecognitionOutcome second, string firstProvider)
        {
            var log = first.Log.Concat(second.Log).ToList();
            if (second.Result != null)
            {
                log.Add(new LogEntry(LogLevel.Verbose, $"{first.Input.Source}: {firstProvider} could not verify a number; {second.Result.Provider} read it."));
                return new RecognitionOutcome(sequence, first.Input, second.Result, null, log);
            }

            if (second.Error?.Kind == BankcardOcrErrorKind.NoCardFound && first.Result != null)
            {
                return new RecognitionOutcome(sequence, first.Input, first.Result, null, log);
            }

            return new RecognitionOutcome(sequence, first.Input, null, second.Error, log);
        }

        /// <summary>
        /// The first provider's outcome, marked with what the second made of the same image: confirmed when it read the
        /// same digits; <see cref="ProvidersDisagree"/>, with its reading masked, when it read others; unconfirmed when
        /// it read none. A first provider that read nothing keeps its error: a cross-check does not replace answers.
        /// </summary>
        public static RecognitionOutcome CrossCheck(long sequence, RecognitionOutcome first, RecognitionOutcome second, string secondProvider)
        {
            var log = first.Log.Concat(second.Log).ToList();
            if (first.Result is null)
            {
                return new RecognitionOutcome(sequence, first.Input, null, first.Error, log);
            }

            var result = first.Result;
            var source = first.Input.Source;
            result.CrossCheckProvider = secondProvider;
            if (second.Result is BankcardRecognitionResult other && other.CardNumber.Length > 0)
            {
                if (other.CardNumber == result.CardNumber)
                {
                    result.IsConfirmed = true;
                    log.Add(new LogEntry(LogLevel.Verbose, $"{source}: {secondProvider} read the same number."));
                }
                else
                {
                    result.IsConfirmed = false;
                    result.CrossCheckCardNumber = CardNumberMask.Mask(other.CardNumber);
                    result.Warnings = result.Warnings.Length == 0 ? ProvidersDisagree : result.Warnings + ";" + ProvidersDisagree;
                    log.Add(new LogEntry(
                        LogLevel.Warning,
                        $"{source}: {result.Provider} read {CardNumberMask.Mask(result.CardNumber)} but {secondProvider} read {CardNumberMask.Mask(other.CardNumber)} ({ProvidersDisagree}); check the card before using either."));
                }
            }
            else
            {
                result.IsConfirmed = false;
                var why = second.Error is BankcardOcrException e ? e.Kind.ToString() : "no number";
                log.Add(new LogEntry(LogLevel.Verbose, $"{source}: {secondProvider} could not confirm the number ({why}); the first reading stands, unconfirmed."));
            }

            return new RecognitionOutcome(sequence, first.Input, result, null, log);
        }
    }
}
