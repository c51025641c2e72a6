using System.Net;
using System.Text;
using BankcardOcr.Cloud.Http;
using BankcardOcr.Providers;
using BankcardOcr.Providers.Huawei;
using BankcardOcr.Providers.Tencent;
using BankcardOcr.Providers.TencentLegacy;
using BankcardOcr.Calls;
using BankcardOcr.Cloud;

namespace BankcardOcr.Core.Tests.Reliability;

/// <summary>The one validation every provider's result passes, and the strict field types of each parser.</summary>
public class ResultValidationTests
{
    [Theory]
    [InlineData("""{"Response":{"CardNo":622588,"RequestId":"r"}}""")]
    [InlineData("""{"Response":{"CardNo":"6225768888888888","BankInfo":{"name":"x"},"RequestId":"r"}}""")]
    [InlineData("""{"Response":{"CardNo":"6225768888888888","ValidDate":202807,"RequestId":"r"}}""")]
    public void TencentFieldOfTheWrongJsonTypeIsInvalidResponse(string body)
    {
        var error = Assert.Throws<BankcardOcrException>(() => TencentResponse.Parse(Response(200, body)));

        Assert.Equal(BankcardOcrErrorKind.InvalidResponse, error.Kind);
        Assert.Equal("r", error.RequestId);
    }

    [Theory]
    [InlineData("""{"result":{"card_number":6225768888888888}}""")]
    [InlineData("""{"result":{"card_number":"6225768888888888","expiry_date":["08","28"]}}""")]
    public void HuaweiFieldOfTheWrongJsonTypeIsInvalidResponse(string body)
    {
        var error = Assert.Throws<BankcardOcrException>(() => HuaweiResponse.Parse(Response(200, body), usedToken: false));

        Assert.Equal(BankcardOcrErrorKind.InvalidResponse, error.Kind);
    }

    [Theory]
    [InlineData("""{"code":0,"data":{"session_id":"s","items":[{"item":"卡号","itemstring":6225768888888888}]}}""")]
    [InlineData("""{"code":0,"data":{"session_id":"s","items":[{"item":7,"itemstring":"6225768888888888"}]}}""")]
    public void TencentLegacyFieldOfTheWrongJsonTypeIsInvalidResponse(string body)
    {
        var error = Assert.Throws<BankcardOcrException>(() => TencentLegacyResponse.Parse(Response(200, body)));

        Assert.Equal(BankcardOcrErrorKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public void NullFieldsAreAbsentValuesNotErrors()
    {
        var result = TencentResponse.Parse(Response(200, """{"Response":{"CardNo":"6225768888888888","BankInfo":null,"CardName":null,"RequestId":"r"}}"""));

        Assert.Equal(string.Empty, result.BankName);
        Assert.Equal(string.Empty, result.CardName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("62257688888")] // 11 digits
    [InlineData("62257688888888888888")] // 20 digits
    [InlineData("6225768888O88888")] // a letter O read for a zero
    [InlineData("６２２５７６８８８８８８８８８８")] // full-width digits
    public void ANumberWithoutACardNumbersShapeIsNeverASuccess(string number)
    {
        var result = new BankcardRecognitionResult { CardNumber = CardFields.Digits(number), RequestId = "r" };

        var error = Assert.Throws<BankcardOcrException>(() => ResultValidation.Validate(result, "Tencent", new RecognitionLog()));

        Assert.Equal(BankcardOcrErrorKind.InvalidResponse, error.Kind);
        Assert.Equal("r", error.RequestId);
    }

    [Fact]
    public void ThreeMillionNinesAreRefusedWithoutQuotingThem()
    {
        var body = "{\"Response\":{\"CardNo\":\"" + new string('9', 3_000_000) + "\",\"RequestId\":\"r\"}}";
        var result = TencentResponse.Parse(Response(200, body));

        var error = Assert.Throws<BankcardOcrException>(() => ResultValidation.Validate(result, "Tencent", new RecognitionLog()));

        Assert.Equal(BankcardOcrErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("3,000,000 characters", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("9999", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("622576888888")] // 12
    [InlineData("6225 7688 8888 8888 888")] // 19 with spaces
    public void TwelveToNineteenDigitsPass(string number)
    {
        var result = new BankcardRecognitionResult { CardNumber = CardFields.Digits(number) };

        ResultValidation.Validate(result, "Huawei", new RecognitionLog());

        Assert.True(ResultValidation.IsCardNumberShape(result.CardNumber));
    }

    [Theory]
    [InlineData("1234567")] // a fragment
    [InlineData("62257688888888888888")] // 20 digits
    public void AReadingFlaggedUnverifiedMayHoldAnyDigitsItRead(string number)
    {
        var result = new BankcardRecognitionResult { CardNumber = number, Warnings = "Glare;" + ResultValidation.Unverified };

        ResultValidation.Validate(result, "Local", new RecognitionLog());

        Assert.Equal(number, result.CardNumber);
    }

    [Theory]
    [InlineData("12345O7")] // a letter among the digits
    [InlineData("123456789012345678901234567890123")] // 33 digits
    public void EvenUnverifiedAReadingMustBeDigitsOfALinesLength(string number)
    {
        var result = new BankcardRecognitionResult { CardNumber = number, Warnings = ResultValidation.Unverified };

        Assert.Throws<BankcardOcrException>(() => ResultValidation.Validate(result, "Local", new RecognitionLog()));
    }

    [Fact]
    public void AMisreadNumberIsNeitherMentionedWholeNorReported()
    {
        var result = new BankcardRecognitionResult { CardNumber = "62257688888888881234" };

        var error = Assert.Throws<BankcardOcrException>(() => ResultValidation.Validate(result, "Tencent", new RecognitionLog()));

        Assert.DoesNotContain("6225768888", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(BankcardRecognitionResult.BankName))]
    [InlineData(nameof(BankcardRecognitionResult.CardName))]
    [InlineData(nameof(BankcardRecognitionResult.CardTypeText))]
    [InlineData(nameof(BankcardRecognitionResult.CardCategory))]
    public void ANameOverTheCapIsInvalidResponse(string field)
    {
        var result = new BankcardRecognitionResult { CardNumber = "6225768888888888" };
        typeof(BankcardRecognitionResult).GetProperty(field)!.SetValue(result, new string('银', ResultValidation.MaxNameLength + 1));

        var error = Assert.Throws<BankcardOcrException>(() => ResultValidation.Validate(result, "Huawei", new RecognitionLog()));

        Assert.Equal(BankcardOcrErrorKind.InvalidResponse, error.Kind);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameAtTheCapPasses()
    {
        var result = new BankcardRecognitionResult { CardNumber = "6225768888888888", BankName = new string('银', ResultValidation.MaxNameLength) };

        ResultValidation.Validate(result, "Huawei", new RecognitionLog());

        Assert.Equal(ResultValidation.MaxNameLength, result.BankName.Length);
    }

    [Theory]
    [InlineData("13/2020")]
    [InlineData("长期")]
    [InlineData("00/2028")]
    [InlineData("2028-08-01")]
    public void AValidThruThatIsNotAMonthAndYearIsDroppedWithAWarning(string text)
    {
        var log = new RecognitionLog("card.jpg");
        var result = new BankcardRecognitionResult { CardNumber = "6225768888888888", ValidThru = CardFields.MonthYearText(text), Warnings = "Glare" };

        ResultValidation.Validate(result, "Tencent", log);

        Assert.Equal(string.Empty, result.ValidThru);
        Assert.Equal("Glare;" + ResultValidation.DroppedValidThru, result.Warnings);
        var warning = Assert.Single(log.Drain());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.StartsWith("card.jpg: ", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AValidFromThatIsNotAMonthAndYearIsDroppedAndAGoodValidThruKept()
    {
        var result = new BankcardRecognitionResult { CardNumber = "6225768888888888", ValidFrom = "9999/99", ValidThru = "08/2028" };

        ResultValidation.Validate(result, "Huawei", new RecognitionLog());

        Assert.Equal(string.Empty, result.ValidFrom);
        Assert.Equal("08/2028", result.ValidThru);
        Assert.Equal(ResultValidation.DroppedValidFrom, result.Warnings);
    }

    private static ProviderResponse Response(int status, string body) =>
        new(status, new HttpResponseMessage((HttpStatusCode)status), Encoding.UTF8.GetBytes(body));
}
