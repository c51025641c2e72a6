using BankcardOcr.Cards;

namespace BankcardOcr
{
    /// <summary>
    /// The offline verdict on one card number: Luhn, length, network, and the issuing bank and card type from
    /// the Chinese bank BIN table. Every property is a scalar so that <c>Export-Csv</c> writes clean columns.
    /// </summary>
    public sealed class BankcardNumberInfo
    {
        /// <summary>The card number, digits only.</summary>
        public string CardNumber { get; set; } = string.Empty;

        /// <summary>
        /// True when the Luhn check passes and the length fits the network (or, for a number no network claims,
        /// when the BIN table knows its prefix at that length).
        /// </summary>
        public bool IsValid { get; set; }

        /// <summary>The Luhn (mod 10) check.</summary>
        public bool IsLuhnValid { get; set; }

        /// <summary>The number of digits.</summary>
        public int Length { get; set; }

        /// <summary><c>UnionPay</c>, <c>Visa</c>, <c>Mastercard</c>, <c>Amex</c>, <c>JCB</c>, <c>Discover</c>, <c>DinersClub</c> or <c>Unknown</c>.</summary>
        public string Network { get; set; } = nameof(CardNetwork.Unknown);

        /// <summary>The second network of a co-branded range (UnionPay 622126–622925 is also Discover), else empty.</summary>
        public string CoBrandedNetwork { get; set; } = string.Empty;

        /// <summary>The issuing bank's name from the BIN table, e.g. <c>中国农业银行</c>; empty when unknown.</summary>
        public string BankName { get; set; } = string.Empty;

        /// <summary>The BIN table's abbreviation of the bank, e.g. <c>ABC</c>; empty when unknown.</summary>
        public string BankAbbreviation { get; set; } = string.Empty;

        /// <summary><c>Debit</c>, <c>Credit</c>, <c>QuasiCredit</c>, <c>Prepaid</c> or <c>Unknown</c>.</summary>
        public string CardType { get; set; } = nameof(Cards.CardType.Unknown);

        /// <summary>The BIN table prefix that matched; empty when none did.</summary>
        public string Bin { get; set; } = string.Empty;

        /// <summary>Why <see cref="IsValid"/> is false; empty when it is true. Never contains the number.</summary>
        public string Reason { get; set; } = string.Empty;

        /// <summary>The masked number (first six and last four digits), so that casual output never shows it whole.</summary>
        public override string ToString() => CardNumberMask.Mask(CardNumber);
    }
}
