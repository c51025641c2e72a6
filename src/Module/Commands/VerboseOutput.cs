using System.Collections.Generic;
using System.Management.Automation;

namespace BankcardOcr.Commands
{
    /// <summary>
    /// Verbose lines that do not stop an unattended run. PowerShell's engine gives a command run with -Debug but
    /// without -Verbose an Inquire preference for its verbose stream (a rule kept from Windows PowerShell), so every
    /// WriteVerbose asks "Continue?" — and under pwsh -NonInteractive that question is a terminating error before the
    /// first image is read. In exactly that case the line is written to the debug stream, which -Debug shows without
    /// asking on PowerShell 7 (Windows PowerShell 5.1 asks for debug lines too, as it does for every command).
    /// </summary>
    internal static class VerboseOutput
    {
        /// <summary>Writes <paramref name="text"/> as a verbose line, or as a debug line under -Debug without -Verbose.</summary>
        public static void WriteVerboseLine(this PSCmdlet cmdlet, string text)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            if (IsOn(bound, "Debug") && !bound.ContainsKey("Verbose"))
            {
                cmdlet.WriteDebug(text);
                return;
            }

            cmdlet.WriteVerbose(text);
        }

        /// <summary>
        /// Writes <paramref name="text"/> as a warning, or as a debug line starting "WARNING:" under -Debug without
        /// -WarningAction: the same engine rule gives a binary cmdlet's warnings an Inquire preference under -Debug, and
        /// a warning about one image (a dropped date, two providers disagreeing) must not stop an unattended run.
        /// The result's Warnings property still names it.
        /// </summary>
        public static void WriteWarningLine(this PSCmdlet cmdlet, string text)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            if (IsOn(bound, "Debug") && !bound.ContainsKey("WarningAction"))
            {
                cmdlet.WriteDebug("WARNING: " + text);
                return;
            }

            cmdlet.WriteWarning(text);
        }

        private static bool IsOn(IDictionary<string, object> bound, string name) =>
            bound.TryGetValue(name, out var value) && (value is SwitchParameter s ? s.IsPresent : value is bool b && b);
    }
}
