namespace BankcardOcr.Providers.Local
{
    /// <summary>The offline recognizer's own Invoke-BankcardRecognition parameters.</summary>
    public sealed class LocalParameters : ProviderParameters
    {
        /// <summary>Return the best reading that fails the number checks, flagged Unverified, instead of NoCardFound.</summary>
        public bool IncludeUnverified { get; set; }
    }
}
