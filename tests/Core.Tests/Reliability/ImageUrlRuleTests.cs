using BankcardOcr.Calls;

namespace BankcardOcr.Core.Tests.Reliability;

public class ImageUrlRuleTests
{
    [Theory]
    [InlineData("file:///etc/passwd", "file:")]
    [InlineData("ftp://example.com/card.jpg", "ftp:")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", "data:")]
    [InlineData("not a url", "not an absolute URL")]
    [InlineData("/card.jpg", "not an absolute URL")]
    public void AnythingButAbsoluteHttpOrHttpsIsInvalidUriNamingTheSchemesAccepted(string text, string why)
    {
        var error = ImageUrlRule.Check(new Uri(text, UriKind.RelativeOrAbsolute), "Tencent");

        Assert.NotNull(error);
        Assert.Equal(BankcardOcrErrorKind.InvalidUri, error!.Kind);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Contains("http and https", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com/card.jpg")]
    [InlineData("http://10.0.0.5:8080/card.png?x=1")]
    public void AbsoluteHttpAndHttpsPass(string text) =>
        Assert.Null(ImageUrlRule.Check(new Uri(text), "Huawei"));

    [Fact]
    public void ALongDataUrlIsShortenedInTheMessage()
    {
        var error = ImageUrlRule.Check(new Uri("data:image/png;base64," + new string('A', 100_000)), null);

        Assert.True(error!.Message.Length < 300);
    }

    [Fact]
    public void UserInfoIsLeftOutOfTheMessage()
    {
        var error = ImageUrlRule.Check(new Uri("ftp://user:hunter2@example.com/card.jpg"), null);

        Assert.DoesNotContain("hunter2", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromUrlRefusesWhatTheRuleRefuses() =>
        Assert.Throws<ArgumentException>(() => RecognitionInput.FromUrl(new Uri("file:///etc/passwd")));
}
