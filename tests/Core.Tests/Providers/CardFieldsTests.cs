using BankcardOcr.Cards;
using BankcardOcr.Providers;
using BankcardOcr.Cloud;

namespace BankcardOcr.Core.Tests.Providers;

public class CardFieldsTests
{
    [Theory]
    [InlineData("中国银行(01040000)", "中国银行", "01040000")]
    [InlineData("招商银行（03080000）", "招商银行", "03080000")]
    [InlineData(" 中国农业银行 ", "中国农业银行", "")]
    [InlineData("", "", "")]
    [InlineData(null, "", "")]
    public void BankInfoSplitsIntoNameAndCode(string? text, string name, string code) =>
        Assert.Equal((name, code), CardFields.SplitBank(text));

    [Theory]
    [InlineData("08/2008", "08/2008")]
    [InlineData("12/20", "12/2020")]
    [InlineData("7/23", "07/2023")]
    [InlineData("2023/07", "07/2023")]
    [InlineData("2023年07月", "07/2023")]
    [InlineData("13/2020", "13/2020")]
    [InlineData("长期", "长期")]
    [InlineData("", "")]
    public void DatesBecomeMonthSlashYear(string text, string expected) =>
        Assert.Equal(expected, CardFields.MonthYearText(text));

    [Theory]
    [InlineData("借记卡", CardType.Debit)]
    [InlineData("储蓄卡", CardType.Debit)]
    [InlineData("贷记卡", CardType.Credit)]
    [InlineData("信用卡", CardType.Credit)]
    [InlineData("准贷记卡", CardType.QuasiCredit)]
    [InlineData("预付费卡", CardType.Prepaid)]
    [InlineData("DEBIT CARD", CardType.Debit)]
    [InlineData("", CardType.Unknown)]
    [InlineData("会员卡", CardType.Unknown)]
    public void CardTypeTextMapsToTheType(string text, CardType expected) =>
        Assert.Equal(expected, CardFields.TypeFromText(text));

    [Theory]
    [InlineData("6225 7688 8888 8888", "6225768888888888")]
    [InlineData("6225-7688", "62257688")]
    [InlineData("6225\u30007688", "62257688")]
    [InlineData("6225 76O8", "622576O8")]
    [InlineData(null, "")]
    public void CardNumberLosesOnlyGroupSeparatorsSoMisreadsStayVisible(string? text, string expected) =>
        Assert.Equal(expected, CardFields.Digits(text));
}
