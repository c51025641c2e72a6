namespace BankcardOcr.Emulator;

/// <summary>The emulated services; faults and statistics are kept per service.</summary>
public enum EmulatedApi
{
    /// <summary>Tencent legacy <c>POST /ocr/bankcard</c> (多次有效签名).</summary>
    TencentLegacy,

    /// <summary>Tencent API 3.0 <c>POST /</c> with <c>X-TC-Action: BankCardOCR</c> (TC3-HMAC-SHA256).</summary>
    Tencent,

    /// <summary>Huawei IAM: <c>POST /v3/auth/tokens</c> and <c>GET /v3/projects</c>.</summary>
    HuaweiIam,

    /// <summary>Huawei <c>POST /v2/{project_id}/ocr/bankcard</c>.</summary>
    HuaweiOcr,
}
