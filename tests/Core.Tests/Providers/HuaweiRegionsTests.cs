using BankcardOcr.Cloud.Http;
using BankcardOcr.Providers.Huawei;

namespace BankcardOcr.Core.Tests.Providers;

public class HuaweiRegionsTests
{
    [Fact]
    public void OcrRegionsAreTheElevenOfTheSdkRegionFile() =>
        Assert.Equal(
            ["af-south-1", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "cn-east-3", "cn-north-1", "cn-north-4", "cn-south-1", "cn-southwest-2", "la-north-2", "la-south-2"],
            HuaweiRegions.OcrRegionIds);

    [Fact]
    public void EveryOcrRegionHasARegionalIamEndpoint() =>
        Assert.All(HuaweiRegions.OcrRegionIds, region => Assert.Contains(region, HuaweiRegions.IamRegionIds));

    [Fact]
    public void IamRegionsAreTheTwentySevenOfTheSdkEndpointFile()
    {
        Assert.Equal(27, HuaweiRegions.IamRegionIds.Count);
        Assert.Contains("na-mexico-1", HuaweiRegions.IamRegionIds);
        Assert.Contains("ae-ad-1", HuaweiRegions.IamRegionIds);
    }

    [Theory]
    [InlineData("cn-north-4", "https://ocr.cn-north-4.myhuaweicloud.com/")]
    [InlineData("AP-Southeast-3", "https://ocr.ap-southeast-3.myhuaweicloud.com/")]
    [InlineData(" la-north-2 ", "https://ocr.la-north-2.myhuaweicloud.com/")]
    public void OcrEndpointFollowsTheRegionPattern(string region, string expected) =>
        Assert.Equal(expected, HuaweiRegions.GetOcrEndpoint(region).AbsoluteUri);

    [Theory]
    [InlineData("eu-west-0")]
    [InlineData("cn-north-99")]
    [InlineData("")]
    public void UnknownOcrRegionIsRefused(string region)
    {
        Assert.False(HuaweiRegions.TryGetOcrEndpoint(region, out var endpoint));
        Assert.Null(endpoint);
        Assert.Throws<ArgumentException>(() => HuaweiRegions.GetOcrEndpoint(region));
    }

    [Fact]
    public void AeAd1IsRefusedWithTheReasonThatItIsAnotherProduct()
    {
        var error = Assert.Throws<ArgumentException>(() => HuaweiRegions.GetOcrEndpoint("ae-ad-1"));

        Assert.Contains("UAE Bank Card OCR", error.Message);
    }

    [Theory]
    [InlineData("cn-north-4", "https://iam.cn-north-4.myhuaweicloud.com/")]
    [InlineData("eu-west-0", "https://iam.eu-west-0.myhuaweicloud.com/")]
    [InlineData(null, "https://iam.myhuaweicloud.com/")]
    [InlineData("", "https://iam.myhuaweicloud.com/")]
    public void IamEndpointIsRegionalOrGlobal(string? region, string expected) =>
        Assert.Equal(expected, HuaweiRegions.GetIamEndpoint(region).AbsoluteUri);

    [Fact]
    public void UnknownIamRegionIsRefused() =>
        Assert.Throws<ArgumentException>(() => HuaweiRegions.GetIamEndpoint("xx-nowhere-1"));

    [Fact]
    public void EveryKnownEndpointPassesTheEndpointPolicy()
    {
        foreach (var region in HuaweiRegions.OcrRegionIds)
        {
            Assert.True(EndpointPolicy.IsAllowed(HuaweiRegions.GetOcrEndpoint(region), out _));
        }

        foreach (var region in HuaweiRegions.IamRegionIds)
        {
            Assert.True(EndpointPolicy.IsAllowed(HuaweiRegions.GetIamEndpoint(region), out _));
        }
    }
}
