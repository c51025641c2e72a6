using System.IO;
using BankcardOcr.Providers.Local;
using Xunit;

namespace BankcardOcr.Core.Tests.Providers.Local;

[Collection(OnnxRuntimeCollection.Name)]
public sealed class OcrModelsLoadingTests
{
    [Fact]
    public void AFolderWithoutTheNativeRuntimeIsAProviderErrorNamingThePlatformNotACrash()
    {
        // When this runs first the loader has not settled on a library and the native runtime is what is missing;
        // after the digit reader's tests loaded it from out/BankcardOcr, the model files are. Either way: ProviderError.
        var folder = Directory.CreateTempSubdirectory("bankcardocr-noruntime-").FullName;
        try
        {
            var error = Assert.Throws<BankcardOcrException>(() => OcrModels.Get(folder, 1));
            Assert.Equal(BankcardOcrErrorKind.ProviderError, error.Kind);
            Assert.Equal("Local", error.Provider);
            Assert.Contains(System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString(), error.Message, System.StringComparison.Ordinal);
            Assert.Contains("cannot run on", error.Message, System.StringComparison.Ordinal);

            // Not cached: a repaired installation works without restarting PowerShell.
            Assert.Throws<BankcardOcrException>(() => OcrModels.Get(folder, 1));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
