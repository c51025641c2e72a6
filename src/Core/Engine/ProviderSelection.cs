using System;
using System.Collections.Generic;
using System.Linq;
using BankcardOcr.Providers;

namespace BankcardOcr.Engine
{
    /// <summary>
    /// Which providers one call uses, from what the user named: <c>-Provider</c>, and optionally <c>-Fallback</c> or
    /// <c>-CrossCheck</c> for a second one; the secret's provider and a credential-standing parameter (<c>-Token</c>)
    /// when <c>-Provider</c> is not given. A pair is always the offline recognizer and one provider that sends
    /// requests: the cloud side is the one the credential, secret, region and endpoint parameters belong to, so they
    /// stay unambiguous. Also decides which of the parameters given mean nothing to the call.
    /// </summary>
    public sealed class ProviderSelection
    {
        private ProviderSelection(ProviderDescriptor primary, ProviderDescriptor? second, SecondProviderRole role)
        {
            Primary = primary;
            Second = second;
            Role = role;
        }

        /// <summary>The provider every input goes to first.</summary>
        public ProviderDescriptor Primary { get; }

        /// <summary>The fallback or cross-checking provider, or null.</summary>
        public ProviderDescriptor? Second { get; }

        /// <summary>What <see cref="Second"/> is for.</summary>
        public SecondProviderRole Role { get; }

        /// <summary>The provider of the call that sends requests (and takes the credential), or null when none does.</summary>
        public ProviderDescriptor? Cloud => Primary.SendsRequests ? Primary : Second?.SendsRequests == true ? Second : null;

        /// <summary>The providers of the call, first one first.</summary>
        public IReadOnlyList<ProviderDescriptor> Providers => Second is null ? new[] { Primary } : new[] { Primary, Second };

        /// <summary>
        /// The first provider when it follows from the names on the command line alone (so a secret need not be read to
        /// find it): <c>-Provider</c>, or the offline recognizer when <c>-Fallback</c> or <c>-CrossCheck</c> names a cloud
        /// provider. Null when the secret's provider decides.
        /// </summary>
        /// <exception cref="ProviderSettingException">The names contradict each other.</exception>
        public static ProviderSelection? FromCommandLine(string? provider, string? fallback, string? crossCheck)
        {
            var (second, role) = SecondNamed(fallback, crossCheck);
            var named = ProviderRegistry.Find(provider);
            if (named != null)
            {
                return Pair(named, second, role);
            }

            return second != null && (role == SecondProviderRole.Fallback || second.SendsRequests)
                ? Pair(ProviderRegistry.Default, second, role)
                : null;
        }

        /// <summary>The providers once the secret has been read (or found unnecessary).</summary>
        /// <param name="provider">The <c>-Provider</c> given, or null.</param>
        /// <param name="fallback">The <c>-Fallback</c> given, or null.</param>
        /// <param name="crossCheck">The <c>-CrossCheck</c> given, or null.</param>
        /// <param name="secretProvider">The provider the secret names, or null.</param>
        /// <param name="standIn">The provider a credential-standing parameter (<c>-Token</c>) names, or null.</param>
        /// <exception cref="ProviderSettingException">The names contradict each other.</exception>
        public static ProviderSelection Choose(string? provider, string? fallback, string? crossCheck, string? secretProvider, ProviderDescriptor? standIn)
        {
            if (FromCommandLine(provider, fallback, crossCheck) is ProviderSelection known)
            {
                return known;
            }

            var (second, role) = SecondNamed(fallback, crossCheck);
            var first = ProviderRegistry.Find(secretProvider) ?? standIn;
            if (first is null && second != null)
            {
                // Only -CrossCheck Local gets here: the cloud provider it checks must be named somewhere.
                throw new ProviderSettingException(
                    "ProviderRequired",
                    $"-CrossCheck {second.Name} checks another provider's readings; name that provider with -Provider, or with a secret that names one.",
                    "Provider");
            }

            return Pair(first ?? ProviderRegistry.Default, second, role);
        }

        /// <summary>
        /// Why the first of <paramref name="given"/> (in ordinal order) means nothing to any provider of the call, or null
        /// when each fits one of them.
        /// </summary>
        /// <param name="given">The names of the parameters given.</param>
        public string? Misplaced(IEnumerable<string> given)
        {
            foreach (var name in given.OrderBy(n => n, StringComparer.Ordinal))
            {
                var reasons = Providers.Select(p => ProviderRegistry.MisplacedParameter(p, new[] { name })).ToList();
                if (reasons.All(r => r != null))
                {
                    // The cloud side's reason speaks of the provider the parameter was most likely meant for.
                    return Cloud is ProviderDescriptor cloud ? reasons[Providers.ToList().IndexOf(cloud)] : reasons[0];
                }
            }

            return null;
        }

        private static (ProviderDescriptor? Second, SecondProviderRole Role) SecondNamed(string? fallback, string? crossCheck)
        {
            if (fallback != null && crossCheck != null)
            {
                throw new ProviderSettingException(
                    "FallbackWithCrossCheck",
                    "-Fallback and -CrossCheck cannot be combined: a fallback reads only what the first provider cannot, a cross-check reads everything twice. Choose one.",
                    "CrossCheck");
            }

            return fallback != null
                ? (ProviderRegistry.Find(fallback), SecondProviderRole.Fallback)
                : (ProviderRegistry.Find(crossCheck), SecondProviderRole.CrossCheck);
        }

        private static ProviderSelection Pair(ProviderDescriptor first, ProviderDescriptor? second, SecondProviderRole role)
        {
            if (second is null)
            {
                return new ProviderSelection(first, null, role);
            }

            var parameter = role == SecondProviderRole.Fallback ? "Fallback" : "CrossCheck";
            if (role == SecondProviderRole.Fallback && first.SendsRequests)
            {
                throw new ProviderSettingException(
                    "FallbackNeedsLocal",
                    $"-Fallback sends only what the offline recognizer cannot verify; use it with -Provider {ProviderRegistry.Default.Name} (the default), not {first.Name}.",
                    parameter);
            }

            if (first == second)
            {
                throw new ProviderSettingException("SameProviderTwice", $"-{parameter} names {first.Name}, the provider already reading every input; name the other one.", parameter);
            }

            if (first.SendsRequests == second.SendsRequests)
            {
                var kind = first.SendsRequests ? "both send images to a service" : "neither sends images anywhere";
                throw new ProviderSettingException(
                    "ProviderPairNotSupported",
                    $"-{parameter} pairs the offline recognizer with one provider that sends images to a service; {first.Name} and {second.Name} {kind}.",
                    parameter);
            }

            return new ProviderSelection(first, second, role);
        }
    }
}
