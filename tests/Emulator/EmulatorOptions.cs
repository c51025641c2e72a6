namespace BankcardOcr.Emulator;

/// <summary>
/// The credentials the emulator accepts and its adjustable behaviour. Read on every request, so a test
/// may change a value between requests. The defaults are made-up test values, never real keys.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>Tencent legacy APPID (signature field <c>a</c> and body <c>appid</c>).</summary>
    public string TencentAppId { get; set; } = "1250000000";

    /// <summary>Tencent SecretId, for both the legacy and the TC3 signature.</summary>
    public string TencentSecretId { get; set; } = "AKIDEMULATORxxxxxxxxxxxxxxxxxxxxxxxx";

    /// <summary>Tencent SecretKey.</summary>
    public string TencentSecretKey { get; set; } = "emulatorTencentSecretKey00000000";

    /// <summary>Huawei access key (AK).</summary>
    public string HuaweiAccessKey { get; set; } = "EMULATORACCESSKEY000";

    /// <summary>Huawei secret key (SK).</summary>
    public string HuaweiSecretKey { get; set; } = "emulatorHuaweiSecretKey0000000000000000";

    /// <summary>Huawei project id (32 hex digits, as IAM issues them).</summary>
    public string HuaweiProjectId { get; set; } = "0123456789abcdef0123456789abcdef";

    /// <summary>Huawei project name, which is the region name, e.g. <c>cn-north-4</c>.</summary>
    public string HuaweiProjectName { get; set; } = "cn-north-4";

    /// <summary>Huawei account (domain) name.</summary>
    public string HuaweiDomainName { get; set; } = "emulator-account";

    /// <summary>Huawei account (domain) id, accepted as <c>domain.id</c> and returned in tokens.</summary>
    public string HuaweiDomainId { get; set; } = "d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0";

    /// <summary>Huawei IAM user name.</summary>
    public string HuaweiUserName { get; set; } = "emulator-user";

    /// <summary>Huawei IAM user password.</summary>
    public string HuaweiPassword { get; set; } = "emulator-Passw0rd";

    /// <summary>When false the user is console-only and IAM answers 403 IAM.0081 (docs/huaweicloud.md §7.4).</summary>
    public bool HuaweiProgrammaticAccess { get; set; } = true;

    /// <summary>Lifetime of issued IAM tokens: 24 h (docs/huaweicloud.md §7.2); short for expiry tests.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Length of issued tokens; real ones have about 1,200 to 9,000 characters (docs/huaweicloud.md §7.2).</summary>
    public int TokenLength { get; set; } = 1224;

    /// <summary>
    /// How far the emulator's clock is from the real one, e.g. 10 minutes to act as a server whose client
    /// runs 10 minutes behind; signatures, dates and tokens are judged by the shifted clock.
    /// </summary>
    public TimeSpan ClockOffset { get; set; }

    /// <summary>Accepted clock skew of <c>X-TC-Timestamp</c>: 5 minutes (docs/tencentcloud.md §2.1).</summary>
    public TimeSpan TencentTimestampSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Accepted clock skew of <c>X-Sdk-Date</c>: API Gateway's 15 minutes (docs/huaweicloud.md §5.1).
    /// </summary>
    public TimeSpan HuaweiSdkDateSkew { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Card returned for a valid image that was not registered; null makes such images "not a bank card"
    /// (legacy -9011, FailedOperation.NoBankCardError, AIS.0105).
    /// </summary>
    public EmulatedCard? DefaultCard { get; set; } = new();

    /// <summary>Huawei's sample prints the number as <c>XXXX XXXX XXXX XXXX</c>; group it the same way.</summary>
    public bool HuaweiGroupsCardNumber { get; set; } = true;
}
