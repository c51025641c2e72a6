#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests, documents and packages BankcardOcr.

.DESCRIPTION
    The entry point for people with PowerShell. Every task drives the same MSBuild targets as
    `dotnet build BankcardOcr.sln`, which lays out the importable module in out/BankcardOcr; this script
    adds what needs PowerShell: Pester, an optional PlatyPS check of the help and packaging.

.PARAMETER Task
    One or more of Build, Test, Docs, Package, Clean, run in the order given. Test and Package build first.

.PARAMETER Configuration
    The MSBuild configuration, Release by default.

.EXAMPLE
    ./build.ps1 -Task Clean, Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package', 'Clean')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$root = $PSScriptRoot
$solution = Join-Path $root 'BankcardOcr.sln'
$outDir = Join-Path $root 'out'
$moduleDir = Join-Path $outDir 'BankcardOcr'
$helpDir = Join-Path $outDir 'help/en-US'

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE."
    }
}

function Invoke-BuildTask {
    Invoke-Dotnet build $solution -c $Configuration
}

function Invoke-TestTask {
    # The README's test command: dotnet test, then tests/Pester against out/BankcardOcr, one summed result
    # (tools/TestRunner). Under Windows PowerShell 5.1 the Pester suites run in this very shell; under pwsh,
    # in the pwsh 7.6.9 the runner caches, so every machine tests the version the project names. The suites use
    # the Release build (the emulator and out/BankcardOcr), whatever -Configuration says.
    $runner = @('run', '--project', (Join-Path $root 'tools/TestRunner'), '-c', 'Release', '--')
    if ($PSVersionTable.PSEdition -eq 'Desktop') {
        $runner += @('--shell', (Get-Process -Id $PID).Path)
    }
    Invoke-Dotnet @runner
}

function Invoke-DocsTask {
    # The build compiles docs/ (PlatyPS 0.14 pages for each cmdlet plus about_BankcardOcr) with
    # tools/HelpCompiler into out/help/en-US and lays it out in out/BankcardOcr/en-US; that is the shipped help,
    # so this task is the ordinary build, and a malformed page fails it.
    Invoke-BuildTask

    # PlatyPS is optional. Where it is installed, New-ExternalHelp also compiles the pages into a throwaway
    # folder as a second opinion on the schema; its output is never shipped.
    $platyPS = Get-Module -Name platyPS -ListAvailable | Where-Object { $_.Version -ge [version]'0.14.2' }
    if (-not $platyPS) {
        Write-Host 'platyPS 0.14.2+ is not installed; skipping its extra schema check.'
        return
    }
    Import-Module -Name platyPS -MinimumVersion '0.14.2' -Force
    $pages = Get-ChildItem -Path (Join-Path $root 'docs') -Filter '*.md' |
        Where-Object { $_.BaseName -match '^[A-Z][a-z]+-[A-Za-z]+$' -or $_.BaseName -like 'about_*' }
    $check = Join-Path ([System.IO.Path]::GetTempPath()) ('BankcardOcr-platyPS-' + [guid]::NewGuid())
    try {
        $null = New-ExternalHelp -Path $pages.FullName -OutputPath $check -Force -ErrorAction Stop
        Write-Host "platyPS accepts the pages as well; the shipped help is $helpDir."
    }
    finally {
        Remove-Item -LiteralPath $check -Recurse -Force -ErrorAction SilentlyContinue
    }
}

function Invoke-PackageTask {
    # The gallery package is made with PSResourceGet, which pwsh 7.4+ bundles; Windows PowerShell 5.1 has only
    # PowerShellGet 1.0, whose Publish-Module needs nuget.exe, so packaging runs in pwsh.
    if ($PSVersionTable.PSVersion -lt [version]'7.4') {
        throw 'The Package task needs pwsh 7.4 or newer (PSResourceGet).'
    }
    Invoke-BuildTask
    & (Join-Path $root 'tools/Package/New-ModulePackage.ps1') -ModuleFolder $moduleDir -OutputFolder (Join-Path $outDir 'package')
}

function Invoke-CleanTask {
    Invoke-Dotnet clean $solution -c $Configuration
    if (Test-Path -LiteralPath $outDir) {
        Remove-Item -LiteralPath $outDir -Recurse -Force
    }
}

foreach ($name in $Task) {
    Write-Host "== $name" -ForegroundColor Cyan
    switch ($name) {
        'Build' { Invoke-BuildTask }
        'Test' { Invoke-TestTask }
        'Docs' { Invoke-DocsTask }
        'Package' { Invoke-PackageTask }
        'Clean' { Invoke-CleanTask }
    }
}
