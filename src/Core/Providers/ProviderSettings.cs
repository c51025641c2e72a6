using System;
using System.Collections.Generic;
using BankcardOcr.Cloud.Credentials;
using BankcardOcr.Calls;

namespace BankcardOcr.Providers
{
    /// <summary>
    /// What the cmdlet gathered for building a provider: the common settings as properties, and the
    /// provider-specific parameters by name as the user bound them (switches as booleans, paths resolved), for the
    /// provider's descriptor to read.
    /// </summary>
    public sealed class ProviderSettings
    {
        private readonly Dictionary<string, object?> _parameters;

        /// <summary>Creates settings.</summary>
        /// <param name="parameters">The bound parameters by name; null for none.</param>
        public ProviderSettings(IDictionary<string, object?>? parameters = null)
        {
            _parameters = parameters is null
                ? new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, object?>(parameters, StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>The resolved credential, or null when none was needed.</summary>
        public ProviderCredential? Credential { get; set; }

        /// <summary>A base address replacing the provider's (already checked against the endpoint policy).</summary>
        public Uri? Endpoint { get; set; }

        /// <summary>The <c>-Region</c> given, or null.</summary>
        public string? Region { get; set; }

        /// <summary>The user's <c>-ThrottleLimit</c>, if given.</summary>
        public int? ThrottleLimit { get; set; }

        /// <summary>Retries and per-attempt time, also for the calls a provider makes while it is built.</summary>
        public RequestSettings Requests { get; set; } = new RequestSettings();

        /// <summary>The module folder: data laid out beside the assemblies (the offline recognizer's models) is found from here.</summary>
        public string ModuleDirectory { get; set; } = string.Empty;

        /// <summary>What checking and setting up said (IAM retries, a token's origin), for the cmdlet to write.</summary>
        public RecognitionLog Log { get; } = new RecognitionLog();

        /// <summary>The value of parameter <paramref name="name"/> as <typeparamref name="T"/>, or null when not given.</summary>
        /// <param name="name">The parameter name, in any case.</param>
        public T? Get<T>(string name)
            where T : class =>
            _parameters.TryGetValue(name, out var value) ? value as T : null;

        /// <summary>
        /// The provider's own parameters as <typeparamref name="T"/>: each property set from the parameter of the same
        /// name when it was given (a switch as true), left at its default otherwise.
        /// </summary>
        /// <exception cref="ArgumentException">A given value does not fit its property's type (a mistake in the provider's declaration).</exception>
        public T Parameters<T>()
            where T : ProviderParameters, new()
        {
            var parameters = new T();
            foreach (var property in ProviderParameters.Properties(typeof(T)))
            {
                if (!_parameters.TryGetValue(property.Name, out var value) || value is null)
                {
                    continue;
                }

                if (!property.PropertyType.IsInstanceOfType(value))
                {
                    throw new ArgumentException($"-{property.Name} holds a {value.GetType().Name}; {typeof(T).Name}.{property.Name} is a {property.PropertyType.Name}.");
                }

                property.SetValue(parameters, value);
            }

            return parameters;
        }

        /// <summary>Whether switch <paramref name="name"/> was given (and not as <c>-Name:$false</c>).</summary>
        /// <param name="name">The parameter name, in any case.</param>
        public bool IsSet(string name) => _parameters.TryGetValue(name, out var value) && value is bool on && on;
    }
}
