using System.Management.Automation;
using BankcardOcr.Providers;
using BankcardOcr.Calls;

namespace BankcardOcr.Commands
{
    /// <summary>Turns a <see cref="BankcardOcrException"/> into the error record users see: id = error kind, a fitting category, the input as target.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord For(BankcardOcrException exception, object? target) => Create(exception, target, exception.Message);

        /// <summary>A descriptor's refusal of the settings: its error id, InvalidArgument, no target.</summary>
        public static ErrorRecord For(ProviderSettingException exception) =>
            new ErrorRecord(
                exception.ParameterName is null ? new PSArgumentException(exception.Message) : new PSArgumentException(exception.Message, exception.ParameterName),
                exception.ErrorId,
                ErrorCategory.InvalidArgument,
                null);

        /// <summary>
        /// The record for one image: the message starts with the input (path, URL or -Name label), because
        /// pwsh's ConciseView shows only the message and an error among forty must say which image it is;
        /// TargetObject is the input as the user gave it (a URL without its user information, which no part of the
        /// record holds).
        /// </summary>
        public static ErrorRecord ForInput(BankcardOcrException exception, RecognitionInput input)
        {
            if (input.Url != null)
            {
                exception = UrlUserInfo.Hide(exception, input.Url);
            }

            var message = exception.Message.IndexOf(input.Source, System.StringComparison.OrdinalIgnoreCase) >= 0
                ? exception.Message
                : $"{input.Source}: {exception.Message}";
            return Create(exception, input.TargetObject, message);
        }

        private static ErrorRecord Create(BankcardOcrException exception, object? target, string message)
        {
            var record = new ErrorRecord(exception, exception.Kind.ToString(), CategoryOf(exception.Kind), target);
            var action = exception.RecommendedAction ?? ActionFor(exception);
            if (action != null || message != exception.Message)
            {
                record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = action };
            }

            return record;
        }

        public static ErrorCategory CategoryOf(BankcardOcrErrorKind kind) => kind switch
        {
            BankcardOcrErrorKind.ImageNotFound => ErrorCategory.ObjectNotFound,
            BankcardOcrErrorKind.UnsupportedImageFormat => ErrorCategory.InvalidData,
            BankcardOcrErrorKind.ImageTooLarge => ErrorCategory.LimitsExceeded,
            BankcardOcrErrorKind.ImageTooSmall => ErrorCategory.InvalidData,
            BankcardOcrErrorKind.NoCardFound => ErrorCategory.ObjectNotFound,
            BankcardOcrErrorKind.AuthenticationFailed => ErrorCategory.AuthenticationError,
            BankcardOcrErrorKind.RateLimited => ErrorCategory.QuotaExceeded,
            BankcardOcrErrorKind.Timeout => ErrorCategory.OperationTimeout,
            BankcardOcrErrorKind.NetworkError => ErrorCategory.ConnectionError,
            BankcardOcrErrorKind.InvalidResponse => ErrorCategory.InvalidResult,
            BankcardOcrErrorKind.InvalidUri => ErrorCategory.InvalidArgument,
            _ => ErrorCategory.InvalidOperation,
        };

        private static string? ActionFor(BankcardOcrException exception) => exception.Kind switch
        {
            BankcardOcrErrorKind.RateLimited => "Lower -ThrottleLimit or -MaxRequestsPerSecond, or raise -MaxRetries.",
            BankcardOcrErrorKind.Timeout => "Raise -TimeoutSec or -MaxRetries, or check the network path to the provider.",
            BankcardOcrErrorKind.NetworkError => "Check DNS, proxy and firewall settings for the provider's endpoint.",
            _ => null,
        };
    }
}
