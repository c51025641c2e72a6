using System.IO;
using BankcardOcr.Providers.Local;
using Xunit;

namespace BankcardOcr.Core.Tests.Providers.Local;

public sealed class OcrModelsLoadingTests
{
    [Fact]
    public void AFolderWithoutTheNativeRuntimeIsAProviderErrorNamingThePlatformNotACrash()
    {
        // Core tests never load ONNX Runtime elsewhere, so the loader has not settled on a library yet.
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
