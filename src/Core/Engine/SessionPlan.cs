using System;
using BankcardOcr.Providers;

namespace BankcardOcr.Engine
{
    /// <summary>What a second provider in the same call is for.</summary>
    public enum SecondProviderRole
    {
        /// <summary>Only the inputs the first provider cannot verify go to the second (<c>-Fallback</c>).</summary>
        Fallback,

        /// <summary>Every input is read by both, and the readings are compared (<c>-CrossCheck</c>).</summary>
        CrossCheck,
    }

    /// <summary>One provider of a call: its descriptor and the settings it is built from (the credential resolved).</summary>
    public sealed class ProviderChoice
    {
        /// <summary>Creates a choice.</summary>
        public ProviderChoice(ProviderDescriptor descriptor, ProviderSettings settings)
        {
            Descriptor = descriptor ?? throw new ArgumentNullException(nameof(descriptor));
            Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        }

        /// <summary>The provider.</summary>
        public ProviderDescriptor Descriptor { get; }

        /// <summary>Its settings, with <see cref="ProviderSettings.Credential"/> set when it needs one.</summary>
        public ProviderSettings Settings { get; }
    }

    /// <summary>Everything a recognition session is opened from, resolved by the caller (the cmdlet, a benchmark, a test).</summary>
    public sealed class SessionPlan
    {
        /// <summary>A plan for one provider.</summary>
        public SessionPlan(ProviderChoice primary, RecognitionOptions options)
        {
            Primary = primary ?? throw new ArgumentNullException(nameof(primary));
            Options = options ?? throw new ArgumentNullException(nameof(options));
        }

        /// <summary>A plan for the providers of <paramref name="selection"/>, all built from <paramref name="settings"/>.</summary>
        public static SessionPlan From(ProviderSelection selection, ProviderSettings settings, RecognitionOptions options)
        {
            if (selection is null)
            {
                throw new ArgumentNullException(nameof(selection));
            }

            var plan = new SessionPlan(new ProviderChoice(selection.Primary, settings), options);
            if (selection.Second != null)
            {
                plan.Second = new ProviderChoice(selection.Second, settings);
                plan.SecondRole = selection.Role;
            }

            return plan;
        }

        /// <summary>The provider every input goes to first.</summary>
        public ProviderChoice Primary { get; }

        /// <summary>A second provider, or null.</summary>
        public ProviderChoice? Second { get; set; }

        /// <summary>What <see cref="Second"/> is for.</summary>
        public SecondProviderRole SecondRole { get; set; }

        /// <summary>Throttle, rate, retries, time, order and masking, for both providers.</summary>
        public RecognitionOptions Options { get; }
    }
}
