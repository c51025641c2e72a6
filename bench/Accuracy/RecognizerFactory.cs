using BankcardOcr.Providers;
using BankcardOcr.Providers.Local;

namespace BankcardOcr.Accuracy;

/// <summary>Builds the provider to measure. Only providers that work offline are measured here: the cloud ones are not ours to score.</summary>
internal static class RecognizerFactory
{
    /// <summary>The provider named <paramref name="name"/>, loading its models from the built module folder.</summary>
    public static IRecognitionProvider Create(string name, string moduleDirectory)
    {
        if (!string.Equals(name, "Local", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Only the offline provider 'Local' is measured here, not '{name}'.");
        }

        return CreateLocal(moduleDirectory, includeUnverified: false);
    }

    /// <summary>The Local provider itself, for runs that read its diagnostics; <paramref name="includeUnverified"/> as the cmdlet's switch.</summary>
    public static LocalProvider CreateLocal(string moduleDirectory, bool includeUnverified)
    {
        if (!File.Exists(Path.Combine(moduleDirectory, "BankcardOcr.psd1")))
        {
            throw new ArgumentException($"{moduleDirectory} holds no built module; run 'dotnet build BankcardOcr.sln -c Release' first, or pass --module.");
        }

        // One image at a time, so each inference may use every core: per-photo latency, as a single Invoke sees it.
        return new LocalProvider(new LocalOptions { ModuleDirectory = moduleDirectory, Parallelism = 1, IncludeUnverified = includeUnverified });
    }
}
