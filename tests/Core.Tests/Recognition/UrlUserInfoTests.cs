using BankcardOcr.Calls;

namespace BankcardOcr.Core.Tests.Recognition;

public class UrlUserInfoTests
{
    [Theory]
    [InlineData("ftp://admin:S3cretPw@host/x.jpg", "ftp://host/x.jpg")]
    [InlineData("https://admin:S3cretPw@example.com:8443/a/b.jpg?x=1#f", "https://example.com:8443/a/b.jpg?x=1#f")]
    [InlineData("https://admin@example.com/b.jpg", "https://example.com/b.jpg")]
    [InlineData("https://a:p@ss@example.com/b.jpg", "https://example.com/b.jpg")]
    [InlineData("http:\\\\admin:S3cretPw@example.com\\b.jpg", "http:\\\\example.com\\b.jpg")]
    [InlineData("//admin:S3cretPw@example.com/b.jpg", "//example.com/b.jpg")]
    [InlineData("https://example.com/user@domain/b.jpg", "https://example.com/user@domain/b.jpg")]
    [InlineData("https://example.com/b.jpg?mail=a@b", "https://example.com/b.jpg?mail=a@b")]
    [InlineData("mailto:someone@example.com", "mailto:someone@example.com")]
    [InlineData("not a url", "not a url")]
    [InlineData("http://", "http://")]
    public void RemovesWhatLiesBetweenTheSlashesAndTheLastAtOfTheAuthority(string given, string shown)
    {
        Assert.Equal(shown, UrlUserInfo.Remove(given));
    }

    [Theory]
    [InlineData("ftp://admin:S3cretPw@host/x.jpg")]
    [InlineData("https://ad%20min:S3cret%40Pw@example.com/x.jpg")]
    [InlineData("https://ad min:S3cretPw@example.com/x.jpg")]
    [InlineData("//admin:S3cretPw@example.com/x.jpg")]
    public void AUriLosesItsUserInformationInEveryForm(string given)
    {
        var url = new Uri(given, UriKind.RelativeOrAbsolute);

        var stripped = UrlUserInfo.Remove(url);

        Assert.True(UrlUserInfo.IsPresent(url));
        Assert.False(UrlUserInfo.IsPresent(stripped));
        foreach (var text in new[] { stripped.OriginalString, stripped.ToString(), stripped.IsAbsoluteUri ? stripped.AbsoluteUri : string.Empty })
        {
            Assert.DoesNotContain("S3cret", text, StringComparison.Ordinal);
            Assert.DoesNotContain("min", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AUriWithoutUserInformationIsKept()
    {
        var url = new Uri("https://example.com/x.jpg");

        Assert.Same(url, UrlUserInfo.Remove(url));
    }

    [Fact]
    public void AUrlInputIsLabelledAndTargetedWithoutItsUserInformation()
    {
        var url = new Uri("https://admin:S3cretPw@example.com/x.jpg");

        var input = RecognitionInput.FromUrl(url, url);

        Assert.Equal("https://example.com/x.jpg", input.Source);
        Assert.Equal(new Uri("https://example.com/x.jpg"), input.TargetObject);
        Assert.Same(url, input.Url); // the provider that downloads the image needs it whole
        Assert.DoesNotContain("S3cret", input.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ARejectedUrlIsLabelledAndTargetedWithoutItsUserInformation()
    {
        var url = new Uri("ftp://admin:S3cretPw@host/x.jpg");

        var input = RecognitionInput.Rejected(url.OriginalString, url, ImageUrlRule.Check(url, "Tencent")!);

        Assert.Equal("ftp://host/x.jpg", input.Source);
        Assert.Equal("ftp://host/x.jpg", ((Uri)input.TargetObject).OriginalString);
        Assert.DoesNotContain("S3cret", input.Rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AServiceMessageQuotingTheUrlLosesItsUserInformation()
    {
        var url = new Uri("https://ad%20min:S3cret@example.com/x.jpg");
        var error = new BankcardOcrException(BankcardOcrErrorKind.InvalidResponse, "could not download https://ad%20min:S3cret@example.com/x.jpg (as ad min:S3cret@example.com)", "Tencent", "FailedOperation.DownLoadError", 200, "r1", isRetryable: true) { RetryAfterSeconds = 2 };

        var hidden = UrlUserInfo.Hide(error, url);

        Assert.DoesNotContain("S3cret", hidden.Message, StringComparison.Ordinal);
        Assert.Equal("could not download https://example.com/x.jpg (as example.com)", hidden.Message);
        Assert.Equal((error.Kind, error.ProviderCode, error.HttpStatusCode, error.RequestId, error.IsRetryable, error.RetryAfterSeconds), (hidden.Kind, hidden.ProviderCode, hidden.HttpStatusCode, hidden.RequestId, hidden.IsRetryable, hidden.RetryAfterSeconds));
        Assert.Same(error, UrlUserInfo.Hide(error, new Uri("https://example.com/x.jpg")));
    }
}
