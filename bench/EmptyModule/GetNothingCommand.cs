using System.Management.Automation;

namespace EmptyModule
{
    /// <summary>Does nothing; it exists so the baseline module exports one cmdlet like a real one.</summary>
    [Cmdlet(VerbsCommon.Get, "Nothing")]
    public sealed class GetNothingCommand : PSCmdlet
    {
    }
}
