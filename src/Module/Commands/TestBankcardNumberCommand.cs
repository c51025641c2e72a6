using System.Management.Automation;
using BankcardOcr.Cards;

namespace BankcardOcr.Commands
{
    /// <summary>
    /// <para type="synopsis">Checks card numbers offline: length, Luhn, network, issuing bank and card type.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "BankcardNumber", HelpUri = "https://github.com/bankcardocr/BankcardOcr/blob/main/docs/Test-BankcardNumber.md")]
    [OutputType(typeof(BankcardNumberInfo))]
    public sealed class TestBankcardNumberCommand : PSCmdlet
    {
        /// <summary>
        /// The card numbers to check. Digits of any script (full-width, Arabic-Indic, …) are read as ASCII; spaces,
        /// dashes and invisible marks between digit groups are allowed. Binds from the pipeline by value and by
        /// property name, so recognition results pipe straight in.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public string?[] CardNumber { get; set; } = new string?[0];

        /// <summary>Checks each number of the current pipeline input; a malformed one is an error record and the next goes on.</summary>
        protected override void ProcessRecord()
        {
            if (CardNumber is null)
            {
                WriteInvalid(null, "The card number is empty.");
                return;
            }

            foreach (var input in CardNumber)
            {
                if (CardNumberInspector.TryInspect(input, out var info, out var problem))
                {
                    this.WriteVerboseLine($"Checked {CardNumberMask.Mask(info.CardNumber)}: {(info.IsValid ? "valid" : info.Reason)}");
                    WriteObject(info);
                }
                else
                {
                    WriteInvalid(input, problem);
                }
            }
        }

        private void WriteInvalid(string? input, string problem)
        {
            var error = new ErrorRecord(
                new PSArgumentException(problem, nameof(CardNumber)),
                "InvalidCardNumber",
                ErrorCategory.InvalidArgument,
                // Masked like the views: Get-Error and Windows PowerShell's NormalView print TargetObject (as
                // CategoryInfo's TargetName), and a number with one misread digit is still a card number.
                CardNumberMask.MaskInput(input));
            error.ErrorDetails = new ErrorDetails(problem)
            {
                RecommendedAction = "Pass 12 to 19 digits, optionally grouped with spaces or dashes.",
            };
            WriteError(error);
        }
    }
}
