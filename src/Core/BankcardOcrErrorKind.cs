namespace BankcardOcr
{
    /// <summary>
    /// What went wrong with one input. The names are the error ids users see in
    /// <c>FullyQualifiedErrorId</c> (the part before the comma), fixed in docs/design.md, "Public contract".
    /// </summary>
    public enum BankcardOcrErrorKind
    {
        /// <summary>The file, folder or URL does not exist.</summary>
        ImageNotFound,
        /// <summary>The bytes are not an image format the provider accepts.</summary>
        UnsupportedImageFormat,
        /// <summary>The image exceeds the provider's byte or pixel limits and could not be made to fit.</summary>
        ImageTooLarge,
        /// <summary>The image is below the provider's minimum size.</summary>
        ImageTooSmall,
        /// <summary>The provider found no bank card in the image.</summary>
        NoCardFound,
        /// <summary>Keys, signature, token or account state were refused.</summary>
        AuthenticationFailed,
        /// <summary>The provider's quota or rate limit refused the request.</summary>
        RateLimited,
        /// <summary>No answer within the time allowed.</summary>
        Timeout,
        /// <summary>The connection failed (DNS, TLS, refused, reset).</summary>
        NetworkError,
        /// <summary>The provider answered with something that is not its documented response.</summary>
        InvalidResponse,
        /// <summary>Any other error the provider reported.</summary>
        ProviderError,
        /// <summary>An image address that is not an absolute http or https URL (category InvalidArgument).</summary>
        InvalidUri,
    }
}
