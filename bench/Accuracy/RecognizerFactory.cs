using BankcardOcr.Providers;

namespace BankcardOcr.Accuracy;

/// <summary>Builds the provider to measure. Only providers that work offline are measured here: the cloud ones are not ours to score.</summary>
internal static class RecognizerFactory
{
    public static IRecognitionProvider Create(string name, string moduleDirectory)
    {
        throw new ArgumentException($"No offline provider named '{name}' in this build; the Local recognizer comes from branch local-ocr (looked in {moduleDirectory}).");
    }
}
