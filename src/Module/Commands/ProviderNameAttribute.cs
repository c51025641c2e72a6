using System;
using System.Linq;
using System.Management.Automation;
using BankcardOcr.Engine;

namespace BankcardOcr.Commands
{
    /// <summary>
    /// Accepts a registered provider's name in any case, as <c>[ValidateSet(…)]</c> would if its set could be read
    /// from the registry: ValidateSet takes compile-time constants only, and Windows PowerShell 5.1 has no
    /// IValidateSetValuesGenerator. The message is ValidateSet's own, so scripts and users see the same error.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ProviderNameAttribute : ValidateArgumentsAttribute
    {
        /// <summary>Only providers that take keys (Set-BankcardOcrSecret), not the offline one.</summary>
        public bool KeyedOnly { get; set; }

        /// <summary>Refuses a value that names no registered provider.</summary>
        /// <param name="arguments">The bound value.</param>
        /// <param name="engineIntrinsics">Unused.</param>
        /// <exception cref="ValidationMetadataException">The value names no provider.</exception>
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var names = ProviderRegistry.All.Where(d => !KeyedOnly || d.CredentialKinds.Count > 0).Select(d => d.Name).ToArray();
            var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (!(value is string name) || !names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new ValidationMetadataException(
                    $"The argument \"{value}\" does not belong to the set \"{string.Join(",", names)}\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.");
            }
        }
    }
}
