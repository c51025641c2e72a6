using System;

namespace BankcardOcr.Providers
{
    /// <summary>
    /// A descriptor's refusal of the user's settings before anything is sent: a parameter missing, or one that
    /// contradicts another. The cmdlet ends the call with <see cref="ErrorId"/> (category InvalidArgument).
    /// </summary>
    public sealed class ProviderSettingException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="errorId">The error id the user sees, e.g. <c>AppIdRequired</c>.</param>
        /// <param name="message">What is wrong and what to do; never a secret value.</param>
        /// <param name="parameterName">The parameter at fault, or null when the fault is in the credential.</param>
        public ProviderSettingException(string errorId, string message, string? parameterName = null)
            : base(message)
        {
            ErrorId = errorId;
            ParameterName = parameterName;
        }

        /// <summary>The error id, e.g. <c>DomainNameRequired</c>.</summary>
        public string ErrorId { get; }

        /// <summary>The parameter at fault, or null.</summary>
        public string? ParameterName { get; }
    }
}
