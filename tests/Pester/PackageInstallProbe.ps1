# Run by Package.Tests.ps1 in a fresh pwsh whose per-user data folder (XDG_DATA_HOME) is a temporary one, so
# PSResourceGet's repository list and the CurrentUser module folder are the test's own: makes the gallery
# package with tools/Package/New-ModulePackage.ps1, registers the folder holding it as a file repository and
# installs BankcardOcr from there the way users install from the gallery. Writes what it did as JSON.
param(
    [Parameter(Mandatory)] [string] $ModuleFolder,
    [Parameter(Mandatory)] [string] $Feed
)

$ErrorActionPreference = 'Stop'
$package = & (Join-Path $PSScriptRoot '../../tools/Package/New-ModulePackage.ps1') -ModuleFolder $ModuleFolder -OutputFolder $Feed
Register-PSResourceRepository -Name BankcardOcrTestFeed -Uri $Feed -Trusted
Install-PSResource -Name BankcardOcr -Repository BankcardOcrTestFeed -Scope CurrentUser -Quiet
$installed = Get-InstalledPSResource -Name BankcardOcr -Scope CurrentUser
[pscustomobject]@{
    Package           = $package.FullName
    InstalledVersion  = $installed.Version.ToString()
    InstalledLocation = $installed.InstalledLocation
} | ConvertTo-Json -Compress
