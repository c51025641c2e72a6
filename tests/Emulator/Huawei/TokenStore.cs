using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace BankcardOcr.Emulator.Huawei;

/// <summary>A token the emulated IAM issued. ProjectId is null for domain-scoped or unscoped tokens.</summary>
internal sealed record IssuedToken(string? ProjectId, string? ProjectName, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

/// <summary>Opaque tokens handed out by <c>POST /v3/auth/tokens</c> and checked by the OCR endpoint.</summary>
internal sealed class TokenStore
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    /// <summary>
    /// Real tokens are long Base64 CMS blobs starting "MII" (docs/huaweicloud.md §7.2); random characters of the
    /// configured length stand in, so clients that cut or log header values show it.
    /// </summary>
    public string Issue(IssuedToken token, int length)
    {
        var body = Convert.ToBase64String(RandomNumberGenerator.GetBytes(Math.Max(48, length))).Replace('/', '-').TrimEnd('=');
        var value = ("MII" + body)[..Math.Max(16, length)];
        _tokens[value] = token;
        return value;
    }

    public IssuedToken? Find(string value) => _tokens.TryGetValue(value, out var token) ? token : null;
}
