using System.Security.Cryptography;
using System.Text;
using BankcardOcr.Providers.TencentLegacy;

namespace BankcardOcr.Core.Tests.Providers;

public class TencentLegacySignerTests
{
    // docs/tencentcloud.md §6.3, the vendor's 鉴权签名 page.
    private const string AppId = "1252821871";
    private const string Bucket = "tencentyun";
    private const string SecretId = "AKIDgaoOYh2kOmJfWVdH4lpfxScG2zPLPGoK";
    private const string SecretKeyText = "nwOKDouy5JctNOlnere4gkVoOUz5EYAb";
    private const string FileId = "tencentyunSignTest";
    private const uint Nonce = 11162;
    private static readonly DateTimeOffset Created = DateTimeOffset.FromUnixTimeSeconds(1436077115);
    private static readonly DateTimeOffset Expires = DateTimeOffset.FromUnixTimeSeconds(1438669115);

    private static byte[] SecretKey() => Encoding.UTF8.GetBytes(SecretKeyText);

    [Fact]
    public void MultiUseVectorWithoutFileMatchesVendor()
    {
        var signature = TencentLegacySigner.CreateMultiUse(AppId, SecretId, SecretKey(), Created, Expires, Nonce, Bucket);

        Assert.Equal("a=1252821871&b=tencentyun&k=AKIDgaoOYh2kOmJfWVdH4lpfxScG2zPLPGoK&e=1438669115&t=1436077115&r=11162&u=0&f=", signature.PlainText);
        Assert.Equal(
            "p2Y5iIYyBmQNfUvPe3e1sxEN/rZhPTEyNTI4MjE4NzEmYj10ZW5jZW50eXVuJms9QUtJRGdhb09ZaDJrT21KZldWZEg0bHBmeFNjRzJ6UExQR29LJmU9MTQzODY2OTExNSZ0PTE0MzYwNzcxMTUmcj0xMTE2MiZ1PTAmZj0=",
            signature.Authorization);
        Assert.False(signature.IsOneTime);
    }

    [Fact]
    public void MultiUseVectorBoundToFileMatchesVendor()
    {
        var signature = TencentLegacySigner.CreateMultiUse(AppId, SecretId, SecretKey(), Created, Expires, Nonce, Bucket, FileId);

        Assert.Equal("a=1252821871&b=tencentyun&k=AKIDgaoOYh2kOmJfWVdH4lpfxScG2zPLPGoK&e=1438669115&t=1436077115&r=11162&u=0&f=tencentyunSignTest", signature.PlainText);
        Assert.Equal(
            "Tt9IYBG4j1TpO/9M6M9TokVJrKhhPTEyNTI4MjE4NzEmYj10ZW5jZW50eXVuJms9QUtJRGdhb09ZaDJrT21KZldWZEg0bHBmeFNjRzJ6UExQR29LJmU9MTQzODY2OTExNSZ0PTE0MzYwNzcxMTUmcj0xMTE2MiZ1PTAmZj10ZW5jZW50eXVuU2lnblRlc3Q=",
            signature.Authorization);
    }

    [Fact]
    public void OneTimeVectorMatchesVendor()
    {
        var signature = TencentLegacySigner.CreateOneTime(AppId, SecretId, SecretKey(), FileId, Created, Nonce, Bucket);

        Assert.Equal("a=1252821871&b=tencentyun&k=AKIDgaoOYh2kOmJfWVdH4lpfxScG2zPLPGoK&e=0&t=1436077115&r=11162&u=0&f=tencentyunSignTest", signature.PlainText);
        Assert.Equal(
            "ewXflzgpQON2bmrX6uJ5Yr0zuOphPTEyNTI4MjE4NzEmYj10ZW5jZW50eXVuJms9QUtJRGdhb09ZaDJrT21KZldWZEg0bHBmeFNjRzJ6UExQR29LJmU9MCZ0PTE0MzYwNzcxMTUmcj0xMTE2MiZ1PTAmZj10ZW5jZW50eXVuU2lnblRlc3Q=",
            signature.Authorization);
        Assert.True(signature.IsOneTime);
        Assert.Null(signature.ExpiresAt);
    }

    [Fact]
    public void LifetimeOfThirtyDaysGivesTheVendorExpiry()
    {
        var signature = TencentLegacySigner.CreateMultiUse(AppId, SecretId, SecretKey(), Created, TimeSpan.FromSeconds(2592000), Nonce, Bucket);

        Assert.Equal(Expires, signature.ExpiresAt);
        Assert.StartsWith("p2Y5iIYyBmQNfUvPe3e1sxEN/rZh", signature.Authorization);
    }

    [Fact]
    public void SignatureIsRawDigestFollowedByPlainText()
    {
        // Checked with a second HMAC rather than the vector, so a wrong concatenation order cannot hide.
        var signature = TencentLegacySigner.CreateMultiUse(AppId, SecretId, SecretKey(), Created, Expires, 42, "");
        var decoded = Convert.FromBase64String(signature.Authorization);
        using var hmac = new HMACSHA1(SecretKey());
        var digest = hmac.ComputeHash(Encoding.UTF8.GetBytes(signature.PlainText));

        Assert.Equal(digest, decoded.Take(20).ToArray());
        Assert.Equal(signature.PlainText, Encoding.UTF8.GetString(decoded, 20, decoded.Length - 20));
        Assert.Contains("&b=&", signature.PlainText);
    }

    [Fact]
    public void ResultKeepsTheSignedFields()
    {
        var signature = TencentLegacySigner.CreateMultiUse(AppId, SecretId, SecretKey(), Created.AddMilliseconds(900), Expires, Nonce, Bucket, FileId);

        Assert.Equal(AppId, signature.AppId);
        Assert.Equal(Bucket, signature.Bucket);
        Assert.Equal(SecretId, signature.SecretId);
        Assert.Equal(FileId, signature.FileId);
        Assert.Equal("0", signature.UserId);
        Assert.Equal(Nonce, signature.Nonce);
        Assert.Equal(Created, signature.CreatedAt);
        Assert.Equal(Expires, signature.ExpiresAt);
    }

    [Fact]
    public void ToStringDoesNotRevealTheSignature()
    {
        var signature = TencentLegacySigner.CreateMultiUse(AppId, SecretId, SecretKey(), Created, Expires, Nonce, Bucket);
        var text = signature.ToString();

        Assert.DoesNotContain(signature.Authorization, text);
        Assert.DoesNotContain(SecretKeyText, text);
        Assert.Contains(AppId, text);
        Assert.Contains("2015-08-04", text);
    }

    [Fact]
    public void CallersKeyArrayIsLeftUnchanged()
    {
        var key = Encoding.UTF8.GetBytes(" " + SecretKeyText + "\n");
        var before = key.ToArray();

        TencentLegacySigner.CreateMultiUse(AppId, SecretId, key, Created, Expires, Nonce, Bucket);

        Assert.Equal(before, key);
    }

    [Fact]
    public void WhitespaceAroundKeyAndSecretIdIsIgnored()
    {
        var signature = TencentLegacySigner.CreateMultiUse(AppId, " " + SecretId + "\t", Encoding.UTF8.GetBytes(SecretKeyText + "\r\n"), Created, Expires, Nonce, Bucket);

        Assert.StartsWith("p2Y5iIYyBmQNfUvPe3e1sxEN/rZh", signature.Authorization);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void LifetimeMustBePositive(int seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            TencentLegacySigner.CreateMultiUse(AppId, SecretId, SecretKey(), Created, TimeSpan.FromSeconds(seconds), Nonce));

    [Fact]
    public void LifetimeOfNinetyDaysIsAccepted()
    {
        var signature = TencentLegacySigner.CreateMultiUse(AppId, SecretId, SecretKey(), Created, TimeSpan.FromDays(90), Nonce);

        Assert.Equal(Created.AddDays(90), signature.ExpiresAt);
    }

    [Fact]
    public void LifetimeBeyondThreeMonthsIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            TencentLegacySigner.CreateMultiUse(AppId, SecretId, SecretKey(), Created, TimeSpan.FromDays(90).Add(TimeSpan.FromSeconds(1)), Nonce));

    [Fact]
    public void ExpiryBeyondThreeMonthsIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            TencentLegacySigner.CreateMultiUse(AppId, SecretId, SecretKey(), Created, Created.AddDays(91), Nonce));

    [Fact]
    public void ExpiryNotAfterSigningTimeIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            TencentLegacySigner.CreateMultiUse(AppId, SecretId, SecretKey(), Created, Created.AddMilliseconds(500), Nonce));

    [Fact]
    public void OneTimeSignatureRequiresFileId() =>
        Assert.Throws<ArgumentException>(() =>
            TencentLegacySigner.CreateOneTime(AppId, SecretId, SecretKey(), "", Created, Nonce));

    [Fact]
    public void EmptyKeyIsRejected() =>
        Assert.Throws<ArgumentException>(() =>
            TencentLegacySigner.CreateMultiUse(AppId, SecretId, Encoding.UTF8.GetBytes(" \n"), Created, Expires, Nonce));

    [Theory]
    [InlineData("", SecretId, "")]
    [InlineData(AppId, "  ", "")]
    [InlineData(AppId, SecretId, "b&k=other")]
    [InlineData("1252821871&b=x", SecretId, "")]
    public void MissingOrInjectingFieldsAreRejected(string appId, string secretId, string bucket) =>
        Assert.Throws<ArgumentException>(() =>
            TencentLegacySigner.CreateMultiUse(appId, secretId, SecretKey(), Created, Expires, Nonce, bucket));

    [Fact]
    public void UserIdLongerThanSixtyFourCharactersIsRejected() =>
        Assert.Throws<ArgumentException>(() =>
            TencentLegacySigner.CreateMultiUse(AppId, SecretId, SecretKey(), Created, Expires, Nonce, userId: new string('1', 65)));

    [Fact]
    public void NewNonceDoesNotRepeat() =>
        Assert.NotEqual(1, Enumerable.Range(0, 4).Select(_ => TencentLegacySigner.NewNonce()).Distinct().Count());
}
