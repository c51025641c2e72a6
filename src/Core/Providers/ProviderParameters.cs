using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace BankcardOcr.Providers
{
    /// <summary>
    /// A provider's own Invoke-BankcardRecognition parameters as a typed object: one public property per parameter,
    /// named exactly as the parameter (a switch is a <see cref="bool"/>). The descriptor names the type
    /// (<see cref="ProviderDescriptor.ParametersType"/>); the properties are also the list of parameters the provider
    /// owns, so a parameter is declared once; <see cref="ProviderSettings.Parameters{T}"/> fills an instance from what
    /// the user bound.
    /// </summary>
    public abstract class ProviderParameters
    {
        /// <summary>The parameter names of <paramref name="type"/>: its public settable properties.</summary>
        /// <param name="type">A type derived from <see cref="ProviderParameters"/>.</param>
        public static IReadOnlyCollection<string> NamesOf(Type type) =>
            Properties(type).Select(p => p.Name).ToArray();

        internal static IEnumerable<PropertyInfo> Properties(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetSetMethod() != null);
    }
}
