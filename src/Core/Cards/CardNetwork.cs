namespace BankcardOcr.Cards
{
    /// <summary>The payment network a card number belongs to, told by its issuer identification number.</summary>
    public enum CardNetwork
    {
        /// <summary>No known range matches.</summary>
        Unknown = 0,
        /// <summary>China UnionPay (62, 81).</summary>
        UnionPay,
        /// <summary>Visa (4).</summary>
        Visa,
        /// <summary>Mastercard (51–55, 2221–2720).</summary>
        Mastercard,
        /// <summary>American Express (34, 37).</summary>
        Amex,
        /// <summary>JCB (3528–3589).</summary>
        JCB,
        /// <summary>Discover (6011, 644–649, 65).</summary>
        Discover,
        /// <summary>Diners Club International (300–305, 3095, 36, 38–39).</summary>
        DinersClub,
    }
}
