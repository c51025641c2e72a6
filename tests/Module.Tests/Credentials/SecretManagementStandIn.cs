namespace BankcardOcr.Module.Tests.Credentials;

/// <summary>
/// Scripts for credential tests. The hosted engine cannot install Microsoft.PowerShell.SecretManagement, so
/// <see cref="Import"/> creates a stand-in module of that name with New-Module; module-qualified calls resolve to
/// it exactly as they would to the real one. It keeps secrets per vault, searches all vaults when no -Vault is
/// given, returns string secrets as SecureString unless -AsPlainText, returns hashtables as stored, and reports
/// a missing secret as the non-terminating GetSecretNotFound error, like the real module.
/// </summary>
internal static class SecretManagementStandIn
{
    public const string Import = """
        New-Module -Name Microsoft.PowerShell.SecretManagement -ScriptBlock {
            $script:store = [ordered]@{}
            function Get-Secret {
                [CmdletBinding()]
                param([Parameter(Mandatory, Position = 0)][string]$Name, [string]$Vault, [switch]$AsPlainText)
                $vaults = if ($Vault) { @($Vault) } else { @($script:store.Keys) }
                foreach ($v in $vaults) {
                    if ($script:store.Contains($v) -and $script:store[$v].ContainsKey($Name)) {
                        $s = $script:store[$v][$Name]
                        if ($s -is [string] -and -not $AsPlainText) { return [System.Net.NetworkCredential]::new('', $s).SecurePassword }
                        return , $s   # one object, as the real Get-Secret writes a byte[] secret
                    }
                }
                $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new(
                    [System.Management.Automation.ItemNotFoundException]::new("The secret $Name was not found."),
                    'GetSecretNotFound', [System.Management.Automation.ErrorCategory]::ObjectNotFound, $Name))
            }
            function Set-Secret {
                [CmdletBinding()]
                param([Parameter(Mandatory, Position = 0)][string]$Name, [Parameter(Mandatory)][object]$Secret, [string]$Vault = 'Default')
                if (-not $script:store.Contains($Vault)) { $script:store[$Vault] = @{} }
                $script:store[$Vault][$Name] = $Secret
            }
            Export-ModuleMember -Function Get-Secret, Set-Secret
        } | Import-Module

        """;

    /// <summary>Imports the test harness module, whose Resolve-TestCredential calls the internal CredentialResolver.</summary>
    public const string ImportHarness = "Import-Module -Name $CredentialHarness\n";

    /// <summary>Variables every credential script gets.</summary>
    public static Dictionary<string, object?> Variables(IDictionary<string, object?>? more = null)
    {
        var variables = new Dictionary<string, object?>
        {
            ["CredentialHarness"] = Path.Combine(AppContext.BaseDirectory, "BankcardOcr.Tests.CredentialHarness.dll"),
        };
        foreach (var (name, value) in more ?? new Dictionary<string, object?>())
        {
            variables[name] = value;
        }

        return variables;
    }
}
