using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace BankcardOcr.Commands
{
    /// <summary>
    /// Turns an <see cref="ArgumentException"/> from Core into text for a cmdlet user. .NET appends the C#
    /// parameter name to the message (<c> (Parameter 'lifetime')</c> on .NET, <c>Parameter name: lifetime</c>
    /// on .NET Framework), which names no parameter the user can see; the cmdlet's own parameter is named instead.
    /// </summary>
    internal static class ArgumentErrorText
    {
        // Core argument names that differ from the cmdlet parameter carrying the value.
        private static readonly Dictionary<string, string> Renamed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["secretId"] = "Credential",
            ["secretKey"] = "Credential",
            ["payload"] = "Payload",
        };

        /// <summary>The message without .NET's suffix, led by the cmdlet parameter it concerns when there is one.</summary>
        /// <param name="exception">The exception from Core.</param>
        /// <param name="command">The cmdlet, whose parameter names are matched against the exception's.</param>
        public static string For(ArgumentException exception, CommandInfo command)
        {
            var message = WithoutSuffix(exception);
            var name = exception.ParamName;
            if (string.IsNullOrEmpty(name))
            {
                return message;
            }

            var wanted = Renamed.TryGetValue(name!, out var renamed) ? renamed : name!;
            var parameter = command.Parameters.Keys.FirstOrDefault(k => k.Equals(wanted, StringComparison.OrdinalIgnoreCase));
            return parameter is null ? message : $"-{parameter}: {message}";
        }

        /// <summary>The message as the thrower wrote it.</summary>
        public static string WithoutSuffix(ArgumentException exception)
        {
            var message = exception.Message;
            var name = exception.ParamName;
            if (string.IsNullOrEmpty(name))
            {
                return message;
            }

            foreach (var suffix in new[] { $" (Parameter '{name}')", $"{Environment.NewLine}Parameter name: {name}", $"\nParameter name: {name}" })
            {
                var at = message.IndexOf(suffix, StringComparison.Ordinal);
                if (at >= 0)
                {
                    return message.Remove(at, suffix.Length).TrimEnd();
                }
            }

            return message;
        }
    }
}
