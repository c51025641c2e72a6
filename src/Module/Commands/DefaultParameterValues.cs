using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace BankcardOcr.Commands
{
    /// <summary>
    /// Which of a call's bound parameters came from <c>$PSDefaultParameterValues</c> rather than the command line. The
    /// engine binds both alike, but they mean different things: a user who types <c>-Region</c> for the offline
    /// recognizer has made a mistake worth an error, while one who set a default secret for every call (the way the
    /// module's help recommends) and reads one folder offline has not. A default that means nothing to the chosen
    /// provider is therefore left aside (and said so in the Debug stream), a typed one refused.
    /// </summary>
    internal static class DefaultParameterValues
    {
        /// <summary>The names of <paramref name="cmdlet"/>'s bound parameters that <c>$PSDefaultParameterValues</c> supplied.</summary>
        public static ISet<string> SuppliedTo(PSCmdlet cmdlet)
        {
            var supplied = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (!(cmdlet.SessionState.PSVariable.GetValue("PSDefaultParameterValues") is IDictionary defaults) || IsDisabled(defaults))
            {
                return supplied;
            }

            var command = cmdlet.MyInvocation.MyCommand.Name;
            foreach (DictionaryEntry entry in defaults)
            {
                if (!(entry.Key is string key))
                {
                    continue;
                }

                var colon = key.IndexOf(':');
                if (colon <= 0 || colon == key.Length - 1)
                {
                    continue;
                }

                var commandPattern = key.Substring(0, colon).Trim();
                var parameter = key.Substring(colon + 1).Trim();
                if (!WildcardPattern.Get(commandPattern, WildcardOptions.IgnoreCase).IsMatch(command)
                    || !cmdlet.MyInvocation.BoundParameters.TryGetValue(parameter, out var bound))
                {
                    continue;
                }

                // A script block default is evaluated at binding, so its value cannot be compared: the name decides.
                if (entry.Value is ScriptBlock || Same(entry.Value, bound))
                {
                    supplied.Add(parameter);
                }
            }

            return supplied;
        }

        private static bool IsDisabled(IDictionary defaults) =>
            defaults.Contains("Disabled") && LanguagePrimitives.IsTrue(defaults["Disabled"]);

        private static bool Same(object? a, object? b)
        {
            a = a is PSObject pa ? pa.BaseObject : a;
            b = b is PSObject pb ? pb.BaseObject : b;
            if (ReferenceEquals(a, b) || Equals(a, b))
            {
                return true;
            }

            if (a is null || b is null)
            {
                return false;
            }

            // A value converted at binding (a string bound to a Uri or an int parameter) compares as the bound type.
            try
            {
                return Equals(LanguagePrimitives.ConvertTo(a, b.GetType(), System.Globalization.CultureInfo.InvariantCulture), b);
            }
            catch (PSInvalidCastException)
            {
                return false;
            }
        }
    }
}
