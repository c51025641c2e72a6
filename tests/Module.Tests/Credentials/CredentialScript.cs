using System.Security.Cryptography;
using System.Text;

namespace BankcardOcr.Module.Tests.Credentials;

/// <summary>Runs credential scripts with the SecretManagement stand-in, the harness and the test keys as variables.</summary>
internal static class CredentialScript
{
    // Shaped like real keys; passed to scripts as variables so script text never holds them.
    public const string TencentId = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    public const string TencentKey = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    public const string HuaweiAk = "HPUABCDEFGHIJKLMN123";
    public const string HuaweiSk = "hWsk0123456789abcdefghijklmnopqrstuvwxyzSK";
    public const string IamPassword = "Iam-Pässw0rd!2024";
    public const string EnvKey = "EnvSecretKeyValue0123456789abcdef";

    public static readonly string[] AllSecrets = { TencentKey, HuaweiSk, IamPassword, EnvKey };

    private const string Prelude = """
        function Secure([string]$Text) { [System.Net.NetworkCredential]::new('', $Text).SecurePassword }
        function Cred([string]$User, [string]$Password) { [pscredential]::new($User, (Secure $Password)) }
        function Store($Name, $Secret, $Vault = 'Store') { Microsoft.PowerShell.SecretManagement\Set-Secret -Name $Name -Secret $Secret -Vault $Vault }

        """;

    /// <summary>Runs <paramref name="script"/> with SecretManagement (stand-in) available.</summary>
    public static HostedRun Run(string script) => Run(script, withSecretManagement: true);

    /// <summary>Runs <paramref name="script"/>, with or without the SecretManagement stand-in.</summary>
    public static HostedRun Run(string script, bool withSecretManagement) =>
        HostedPowerShell.Run(
            (withSecretManagement ? SecretManagementStandIn.Import : "") + SecretManagementStandIn.ImportHarness + Prelude + script,
            SecretManagementStandIn.Variables(new Dictionary<string, object?>
            {
                ["TencentId"] = TencentId, ["TencentKey"] = TencentKey, ["HuaweiAk"] = HuaweiAk, ["HuaweiSk"] = HuaweiSk,
                ["IamPassword"] = IamPassword, ["EnvKey"] = EnvKey,
            }));

    /// <summary>The hex SHA-256 the harness reports for a secret.</summary>
    public static string Sha(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Asserts no secret value appears in any stream, message, exception or ToString of the run.</summary>
    public static void AssertNoSecretLeaks(HostedRun run)
    {
        foreach (var text in run.AllText())
        {
            foreach (var secret in AllSecrets)
            {
                Assert.DoesNotContain(secret, text);
            }
        }
    }

    public static string Property(this System.Management.Automation.PSObject o, string name) => o.Properties[name].Value?.ToString() ?? "";
}
