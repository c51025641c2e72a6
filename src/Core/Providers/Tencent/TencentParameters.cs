namespace BankcardOcr.Providers.Tencent
{
    /// <summary>Tencent API 3.0's own Invoke-BankcardRecognition parameters (BankCardOCR's request flags, docs/tencentcloud.md §2.2).</summary>
    public sealed class TencentParameters : ProviderParameters
    {
        /// <summary>Ask for the card cropped from its background (RetBorderCutImage), saved to <see cref="ImageFolder"/>.</summary>
        public bool ReturnCardImage { get; set; }

        /// <summary>Ask for the card-number region (RetCardNoImage), saved to <see cref="ImageFolder"/>.</summary>
        public bool ReturnCardNumberImage { get; set; }

        /// <summary>Warn of a photocopy (EnableCopyCheck).</summary>
        public bool DetectCopy { get; set; }

        /// <summary>Warn of a photo of a screen (EnableReshootCheck).</summary>
        public bool DetectReshoot { get; set; }

        /// <summary>Warn of a card cut off by the frame (EnableBorderCheck).</summary>
        public bool DetectIncompleteBorder { get; set; }

        /// <summary>Return the blur score (EnableQualityValue).</summary>
        public bool IncludeQualityValue { get; set; }

        /// <summary>The existing folder the returned images are saved to (resolved by the cmdlet).</summary>
        public string? ImageFolder { get; set; }
    }
}
