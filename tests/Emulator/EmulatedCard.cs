namespace BankcardOcr.Emulator;

/// <summary>
/// What the emulated engines "read" from an image. One card is rendered in each vendor's own shape:
/// Tencent's <c>BankInfo</c> is <c>BankName(BankCode)</c>, Huawei's <c>expiry_date</c> is <c>MM/yy</c>.
/// </summary>
public sealed record EmulatedCard
{
    /// <summary>Card number, digits only (Huawei's answer groups it by four, as in its sample).</summary>
    public string CardNumber { get; init; } = "6222020200112233445";

    /// <summary>Bank name without code, e.g. <c>中国银行</c>.</summary>
    public string BankName { get; init; } = "中国工商银行";

    /// <summary>Eight-digit bank code, e.g. <c>01040000</c>; empty for none.</summary>
    public string BankCode { get; init; } = "01020000";

    /// <summary>Card type in Tencent's words: <c>借记卡</c>, <c>贷记卡</c>, <c>准贷记卡</c>, <c>预付费卡</c>; empty when unknown.</summary>
    public string CardType { get; init; } = "借记卡";

    /// <summary>Card product name, e.g. <c>中银万事达信用卡</c> (Tencent only).</summary>
    public string CardName { get; init; } = "牡丹灵通卡";

    /// <summary>Start of validity as <c>MM/yyyy</c> (Huawei <c>issue_date</c>); empty for none.</summary>
    public string ValidFrom { get; init; } = "";

    /// <summary>End of validity as <c>MM/yyyy</c> (Tencent <c>ValidDate</c>, legacy 有效期, Huawei <c>expiry_date</c>).</summary>
    public string ValidThru { get; init; } = "12/2030";

    /// <summary>Confidence of the card number, 0..1.</summary>
    public double CardNumberConfidence { get; init; } = 0.9542;

    /// <summary>Confidence of every other field, 0..1.</summary>
    public double FieldConfidence { get; init; } = 0.9288;

    /// <summary>
    /// Tencent warning codes the card would raise (-9110 … -9114, docs/tencentcloud.md §2.3). -9111, -9113 and -9114
    /// are only returned when the matching Enable*Check flag is set; -9110 and -9112 always.
    /// </summary>
    public IReadOnlyList<long> WarningCodes { get; init; } = [];

    /// <summary>Blur score 0..100 returned with <c>EnableQualityValue</c>.</summary>
    public long QualityValue { get; init; } = 88;

    /// <summary>Tencent <c>CardCategory</c>.</summary>
    public string CardCategory { get; init; } = "标准实体银行卡";
}
