#Requires -Version 7.4
<#
.SYNOPSIS
    Makes the gallery package (.nupkg) of a laid-out module folder with PSResourceGet.

.DESCRIPTION
    Publish-PSResource packs exactly what is in the module folder, so the package is out/BankcardOcr as the
    build laid it out: manifest, the two module assemblies, Dependencies/, format file, help and licences.
    It publishes into a file repository registered under a throwaway name for the call and unregistered
    after, so the user's repository list is left as it was. build.ps1 -Task Package builds first and calls
    this; tests/Pester/Package.Tests.ps1 calls it on the module folder the test run already has.
    Before packing, the folder is checked for what must never ship (.pdb, .deps.json, .runtimeconfig.json, tests, obj/bin
    leftovers, System.Management.Automation.dll) and for the licences that must.

.PARAMETER ModuleFolder
    The laid-out module folder (its name is the module name).

.PARAMETER OutputFolder
    Where the .nupkg is written; created when missing. An older package of the same version is replaced.

.OUTPUTS
    System.IO.FileInfo of the .nupkg.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleFolder,
    [Parameter(Mandatory)] [string] $OutputFolder
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$ModuleFolder = (Resolve-Path -LiteralPath $ModuleFolder).Path
$name = Split-Path -Leaf $ModuleFolder
$manifest = Import-PowerShellDataFile -LiteralPath (Join-Path $ModuleFolder "$name.psd1")

foreach ($required in 'LICENSE', 'THIRD-PARTY-NOTICES.md', 'cn-bank-bin.LICENSE') {
    if (-not (Test-Path -LiteralPath (Join-Path $ModuleFolder $required))) {
        throw "$required is missing from $ModuleFolder; the package must carry every licence."
    }
}
$noise = Get-ChildItem -LiteralPath $ModuleFolder -Recurse -File | Where-Object {
    $_.Extension -eq '.pdb' -or $_.Name -like '*.deps.json' -or $_.Name -like '*.runtimeconfig.json' -or
    $_.Name -like '*.Tests.*' -or $_.Name -eq 'System.Management.Automation.dll' -or
    $_.FullName.Substring($ModuleFolder.Length) -match '[\\/](obj|bin|tests?)[\\/]'
}
if ($noise) {
    throw "Not packing build leftovers: $(($noise.FullName | ForEach-Object { $_.Substring($ModuleFolder.Length + 1) }) -join ', ')"
}

$null = New-Item -ItemType Directory -Path $OutputFolder -Force
$OutputFolder = (Resolve-Path -LiteralPath $OutputFolder).Path
$package = Join-Path $OutputFolder ('{0}.{1}.nupkg' -f $name, $manifest.ModuleVersion)
Remove-Item -LiteralPath $package -ErrorAction SilentlyContinue

$repository = 'BankcardOcrPackage-' + [guid]::NewGuid().ToString('N')
Register-PSResourceRepository -Name $repository -Uri $OutputFolder -Trusted
try {
    Publish-PSResource -Path $ModuleFolder -Repository $repository
}
finally {
    Unregister-PSResourceRepository -Name $repository
}
Get-Item -LiteralPath $package
