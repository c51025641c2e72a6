using BankcardOcr.Cards;

namespace BankcardOcr
{
    /// <summary>
    /// What one image yielded. Every property is a scalar (string, number or Boolean) so that
    /// <c>Export-Csv</c> writes one clean column each; the names are fixed in docs/design.md, "Public contract".
    /// </summary>
    public sealed class BankcardRecognitionResult
    {
        /// <summary>The full path, the URL, or the <c>-Name</c> given for bytes.</summary>
        public string Source { get; set; } = string.Empty;

        /// <summary><c>Tencent</c>, <c>TencentLegacy</c>, <c>Huawei</c> or <c>Local</c>.</summary>
        public string Provider { get; set; } = string.Empty;

        /// <summary>Digits only; masked as <c>622848******0515</c> when the caller asked for masking.</summary>
        public string CardNumber { get; set; } = string.Empty;

        /// <summary>The bank's name without any code suffix, e.g. <c>中国银行</c>.</summary>
        public string BankName { get; set; } = string.Empty;

        /// <summary>The bank code when the provider gives one, e.g. <c>01040000</c>.</summary>
        public string BankCode { get; set; } = string.Empty;

        /// <summary><c>Debit</c>, <c>Credit</c>, <c>QuasiCredit</c>, <c>Prepaid</c> or <c>Unknown</c>.</summary>
        public string CardType { get; set; } = nameof(Cards.CardType.Unknown);

        /// <summary>The provider's own text for the card type, e.g. <c>贷记卡</c>.</summary>
        public string CardTypeText { get; set; } = string.Empty;

        /// <summary>The card product name when given, e.g. <c>中银万事达信用卡</c>.</summary>
        public string CardName { get; set; } = string.Empty;

        /// <summary><c>MM/yyyy</c> when known.</summary>
        public string ValidFrom { get; set; } = string.Empty;

        /// <summary><c>MM/yyyy</c> when known.</summary>
        public string ValidThru { get; set; } = string.Empty;

        /// <summary>The card number's confidence, 0..1; null when the provider gives none.</summary>
        public double? Confidence { get; set; }

        /// <summary>The Luhn check of the (unmasked) card number.</summary>
        public bool IsLuhnValid { get; set; }

        /// <summary>The network told by the card number's prefix.</summary>
        public string Network { get; set; } = nameof(CardNetwork.Unknown);

        /// <summary><c>;</c>-joined warning names, e.g. <c>Reshoot;Glare</c>; empty when none.</summary>
        public string Warnings { get; set; } = string.Empty;

        /// <summary>The provider's request or session id.</summary>
        public string RequestId { get; set; } = string.Empty;

        /// <summary>Per-field confidences as <c>Field=0.99;Field=0.97</c>, for the detailed view; empty when none.</summary>
        public string FieldConfidences { get; set; } = string.Empty;

        /// <summary>Where the provider found each field, as <c>Field:x,y,w,h;…</c> or polygons; empty when not asked for.</summary>
        public string TextLocations { get; set; } = string.Empty;

        /// <summary>Tencent's blur score 0–100 (lower is blurrier; 50 is the suggested threshold), when asked for.</summary>
        public int? QualityValue { get; set; }

        /// <summary>Tencent's card category, e.g. <c>标准实体银行卡</c> or <c>电子银行卡信息截图</c>.</summary>
        public string CardCategory { get; set; } = string.Empty;

        /// <summary>Where the cropped card image was saved, when asked for; empty otherwise.</summary>
        public string BorderCutImagePath { get; set; } = string.Empty;

        /// <summary>Where the card-number crop was saved, when asked for; empty otherwise.</summary>
        public string CardNoImagePath { get; set; } = string.Empty;

        /// <summary>Milliseconds from the start of the first attempt to the answer.</summary>
        public long ElapsedMilliseconds { get; set; }

        /// <summary>How many requests it took (1 when the first succeeded).</summary>
        public int Attempts { get; set; }

        /// <summary>
        /// With <c>-CrossCheck</c>: true when the second provider read the same number, false when it read another or
        /// none; empty (null) when no second provider was asked.
        /// </summary>
        public bool? IsConfirmed { get; set; }

        /// <summary>With <c>-CrossCheck</c>: the second provider's name; empty otherwise.</summary>
        public string CrossCheckProvider { get; set; } = string.Empty;

        /// <summary>
        /// With <c>-CrossCheck</c>, when the second provider read a different number: that number, always masked
        /// (<c>622848*********0019</c>), so the two readings can be told apart without either being shown whole.
        /// </summary>
        public string CrossCheckCardNumber { get; set; } = string.Empty;

        /// <summary>The masked card number and source, so that casual output never shows the number whole.</summary>
        public override string ToString() =>
            string.IsNullOrEmpty(Source) ? CardNumberMask.Mask(CardNumber) : CardNumberMask.Mask(CardNumber) + " (" + Source + ")";

        /// <summary>Fills <see cref="IsLuhnValid"/> and <see cref="Network"/> from the card number; call before masking.</summary>
        public void DeriveNumberFacts()
        {
            IsLuhnValid = CardNumberRules.IsLuhnValid(CardNumber);
            Network = CardNumber.Length > 0 ? CardNetworkRules.Identify(CardNumber).ToString() : nameof(CardNetwork.Unknown);
        }
    }
}
