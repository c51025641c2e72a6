# Run by Package.Tests.ps1 in a fresh pwsh whose PSModulePath holds the folder PSResourceGet installed into:
# imports BankcardOcr by name, as a user's script would, recognises one image against the emulator and checks
# a card number offline. Writes what happened as JSON.
param(
    [Parameter(Mandatory)] [string] $ImagePath,
    [Parameter(Mandatory)] [string] $Endpoint,
    [Parameter(Mandatory)] [string] $SecretId,
    [Parameter(Mandatory)] [string] $SecretKey
)

$ErrorActionPreference = 'Stop'
Import-Module -Name BankcardOcr
$module = Get-Module -Name BankcardOcr
$credential = [pscredential]::new($SecretId, (ConvertTo-SecureString -String $SecretKey -AsPlainText -Force))
$cards = @(Invoke-BankcardRecognition -LiteralPath $ImagePath -Provider Tencent -Credential $credential -Endpoint $Endpoint `
        -MaxRequestsPerSecond 0 -ErrorVariable failures -ErrorAction SilentlyContinue)
$check = '6228 4804 0256 4890 018' | Test-BankcardNumber
$polly = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Polly.Core' }
[pscustomobject]@{
    ModuleBase  = $module.ModuleBase
    Version     = $module.Version.ToString()
    CardNumbers = @($cards | ForEach-Object CardNumber)
    Errors      = @($failures | ForEach-Object { '{0}: {1}' -f $_.FullyQualifiedErrorId, $_.Exception.Message })
    Check       = [pscustomobject]@{ IsValid = $check.IsValid; Network = "$($check.Network)"; BankName = $check.BankName }
    PollyFrom   = @($polly | ForEach-Object Location)
    HelpSynopsis = (Get-Help Test-BankcardNumber).Synopsis
} | ConvertTo-Json -Depth 3 -Compress
