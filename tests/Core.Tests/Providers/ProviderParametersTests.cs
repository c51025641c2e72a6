using BankcardOcr.Providers;
using BankcardOcr.Providers.Huawei;
using BankcardOcr.Providers.Tencent;

namespace BankcardOcr.Core.Tests.Providers;

/// <summary>A provider's own parameters: declared once as a typed object, bound by name from what the user gave.</summary>
public sealed class ProviderParametersTests
{
    [Fact]
    public void GivenParametersFillTheirPropertiesAndTheRestKeepTheirDefaults()
    {
        var settings = new ProviderSettings(new Dictionary<string, object?> { ["detectcopy"] = true, ["ImageFolder"] = "/tmp/crops", ["Region"] = "ap-beijing" });

        var parameters = settings.Parameters<TencentParameters>();

        Assert.True(parameters.DetectCopy);
        Assert.Equal("/tmp/crops", parameters.ImageFolder);
        Assert.False(parameters.DetectReshoot);
        Assert.False(parameters.ReturnCardImage);
    }

    [Fact]
    public void TheDescriptorsParametersAreItsTypesProperties()
    {
        Assert.Equal(
            new[] { "DetectCopy", "DetectIncompleteBorder", "DetectReshoot", "ImageFolder", "IncludeQualityValue", "ReturnCardImage", "ReturnCardNumberImage" },
            TencentDescriptor.Instance.Parameters.OrderBy(p => p, StringComparer.Ordinal));
        Assert.Contains(nameof(HuaweiParameters.Token), HuaweiDescriptor.Instance.Parameters);
        Assert.Equal(nameof(HuaweiParameters.Token), HuaweiDescriptor.Instance.CredentialParameter);
    }

    [Fact]
    public void AValueOfTheWrongTypeIsAClearErrorNotASilentDefault()
    {
        var settings = new ProviderSettings(new Dictionary<string, object?> { ["IamEndpoint"] = "not a Uri object" });

        var error = Assert.Throws<ArgumentException>(() => settings.Parameters<HuaweiParameters>());

        Assert.Contains("IamEndpoint", error.Message, StringComparison.Ordinal);
    }
}
