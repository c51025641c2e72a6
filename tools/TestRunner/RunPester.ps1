# Started by tools/TestRunner in the PowerShell under test (pwsh 7.6.9 from the tool cache, or the shell that
# build.ps1 runs in). Runs tests/Pester and writes Pester's own counts where the runner reads them, so the
# summed result comes from Pester's result object, not from its console text.
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $TestPath,
    [Parameter(Mandatory)] [string] $ResultFolder
)

$ErrorActionPreference = 'Stop'
Import-Module -Name $PesterManifest -Force

$config = New-PesterConfiguration
$config.Run.Path = $TestPath
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = Join-Path $ResultFolder "pester-$($PSVersionTable.PSEdition).xml"
$result = Invoke-Pester -Configuration $config

# A block whose BeforeAll failed, or a file that did not parse, fails no single test: count each as one failure
# so that it can never disappear from the sum.
$summary = [ordered]@{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount
}
$summary | ConvertTo-Json | Set-Content -LiteralPath (Join-Path $ResultFolder 'pester-summary.json') -Encoding utf8
exit $(if ($result.Result -eq 'Passed') { 0 } else { 1 })
