#Requires -Version 7.0
<#
.SYNOPSIS
    Times Import-Module of BankcardOcr against bench/EmptyModule in real pwsh, one fresh process per import.

.DESCRIPTION
    The hosted-engine benchmark (bench/ImportBench) runs the engine package inside a .NET test process; this
    one asks the pwsh users run. Each import happens in its own `pwsh -NoProfile` process (a second import
    in one process finds the assemblies loaded already), pairs alternate which module goes first so drift in
    machine load hits both alike, and only Import-Module itself is timed, inside the child process.

.EXAMPLE
    ./bench/PwshImport/Measure-PwshImport.ps1 -Pairs 20
#>
param(
    [int] $Pairs = 20,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1'),
    [string] $EmptyModulePath = (Join-Path $PSScriptRoot '../../out/bench/EmptyModule/EmptyModule.psd1'),
    # pwsh installed as a dotnet tool runs as 'dotnet', so the process path is no use; pass -Pwsh then.
    [string] $Pwsh = 'pwsh'
)

$ErrorActionPreference = 'Stop'

function Measure-OneImport {
    param([string] $Path)
    # The path travels as an argument, not spliced into the command text.
    $script = 'param($p) $t = [Diagnostics.Stopwatch]::StartNew(); Import-Module -Name $p -ErrorAction Stop; $t.Elapsed.TotalMilliseconds'
    $text = & $Pwsh -NoProfile -NonInteractive -Command "& { $script } '$($Path.Replace("'", "''"))'"
    if ($LASTEXITCODE -ne 0) { throw "pwsh failed importing $Path" }
    [double]::Parse(($text | Select-Object -Last 1), [cultureinfo]::InvariantCulture)
}

$paths = @{ BankcardOcr = (Resolve-Path $ModulePath).Path; EmptyModule = (Resolve-Path $EmptyModulePath).Path }
$times = @{ BankcardOcr = [Collections.Generic.List[double]]::new(); EmptyModule = [Collections.Generic.List[double]]::new() }
$null = Measure-OneImport $paths.EmptyModule   # warm the disk cache; not counted
for ($i = 0; $i -lt $Pairs; $i++) {
    $order = if ($i % 2) { 'EmptyModule', 'BankcardOcr' } else { 'BankcardOcr', 'EmptyModule' }
    foreach ($name in $order) { $times[$name].Add((Measure-OneImport $paths[$name])) }
}

function Get-Median([double[]] $v) { $s = $v | Sort-Object; if ($s.Count % 2) { $s[[int][math]::Floor($s.Count / 2)] } else { ($s[$s.Count / 2 - 1] + $s[$s.Count / 2]) / 2 } }
$empty = $times.EmptyModule
foreach ($name in 'BankcardOcr', 'EmptyModule') {
    $v = $times[$name]
    [pscustomobject]@{
        Module   = $name
        MedianMs = [math]::Round((Get-Median $v), 1)
        MeanMs   = [math]::Round(($v | Measure-Object -Average).Average, 1)
        MinMs    = [math]::Round(($v | Measure-Object -Minimum).Minimum, 1)
        Ratio    = '{0:0.00}x / {1:0.00}x' -f ((Get-Median $v) / (Get-Median $empty)), (($v | Measure-Object -Average).Average / ($empty | Measure-Object -Average).Average)
    }
}
