namespace BankcardOcr.Cards
{
    /// <summary>The kind of account a card draws on, as the BIN table and the providers name it.</summary>
    public enum CardType
    {
        /// <summary>Not known from the table or the provider.</summary>
        Unknown = 0,
        /// <summary>Debit card (借记卡, table code DC).</summary>
        Debit,
        /// <summary>Credit card (贷记卡, table code CC).</summary>
        Credit,
        /// <summary>Quasi-credit card (准贷记卡, table code SCC).</summary>
        QuasiCredit,
        /// <summary>Prepaid card (预付费卡, table code PC).</summary>
        Prepaid,
    }
}
