#Requires -Version 7.0
<#
.SYNOPSIS
    Times Import-Module of BankcardOcr against bench/EmptyModule in real pwsh, one fresh process per import.

.DESCRIPTION
    The hosted-engine benchmark (bench/ImportBench) runs the engine package inside a .NET test process; this
    one asks the pwsh users run. Each import happens in its own `pwsh -NoProfile` process (a second import
    in one process finds the assemblies loaded already), pairs alternate which module goes first so drift in
    machine load hits both alike, and only Import-Module itself is timed, inside the child process: wall
    time and the CPU time of the process over the same span.

.EXAMPLE
    ./bench/PwshImport/Measure-PwshImport.ps1 -Pairs 20

.EXAMPLE
    ./bench/PwshImport/Measure-PwshImport.ps1 -Pairs 15 -ModulePath /tmp/before/BankcardOcr/BankcardOcr.psd1, ./out/BankcardOcr/BankcardOcr.psd1
#>
param(
    [int] $Pairs = 20,
    # More than one (say, a copy of an older build) are measured in the same rounds, for a fair before/after.
    [string[]] $ModulePath = @(Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1'),
    [string] $EmptyModulePath = (Join-Path $PSScriptRoot '../../out/bench/EmptyModule/EmptyModule.psd1'),
    # pwsh installed as a dotnet tool runs as 'dotnet', so the process path is no use; pass -Pwsh then.
    [string] $Pwsh = 'pwsh'
)

$ErrorActionPreference = 'Stop'

function Measure-OneImport {
    param([string] $Path)
    # Wall time, and the process's CPU time over the same span: on a shared, loaded machine the wall time
    # mostly measures waiting for a core, while CPU time still shows the work the import itself does.
    $script = 'param($p) $me = [Diagnostics.Process]::GetCurrentProcess(); $c = $me.TotalProcessorTime; $t = [Diagnostics.Stopwatch]::StartNew(); ' +
        'Import-Module -Name $p -ErrorAction Stop; $w = $t.Elapsed.TotalMilliseconds; $me.Refresh(); ' +
        '[string]::Format([cultureinfo]::InvariantCulture, "{0} {1}", $w, ($me.TotalProcessorTime - $c).TotalMilliseconds)'
    # The path travels as an argument, not spliced into the script's text.
    $text = & $Pwsh -NoProfile -NonInteractive -Command "& { $script } '$($Path.Replace("'", "''"))'"
    if ($LASTEXITCODE -ne 0) { throw "pwsh failed importing $Path" }
    $wall, $cpu = ($text | Select-Object -Last 1).Split(' ') | ForEach-Object { [double]::Parse($_, [cultureinfo]::InvariantCulture) }
    [pscustomobject]@{ Wall = $wall; Cpu = $cpu }
}

$paths = [ordered]@{ EmptyModule = (Resolve-Path $EmptyModulePath).Path }
for ($m = 0; $m -lt $ModulePath.Count; $m++) { $paths["BankcardOcr#$($m + 1)"] = (Resolve-Path $ModulePath[$m]).Path }
$times = @{}
foreach ($name in $paths.Keys) { $times[$name] = [Collections.Generic.List[object]]::new() }
$null = Measure-OneImport $paths.EmptyModule   # warm the disk cache; not counted
$names = @($paths.Keys)
for ($i = 0; $i -lt $Pairs; $i++) {
    # Each round starts with a different module, so a slow spell on the machine hits each alike.
    for ($k = 0; $k -lt $names.Count; $k++) {
        $name = $names[($i + $k) % $names.Count]
        $times[$name].Add((Measure-OneImport $paths[$name]))
    }
}

function Get-Median([double[]] $v) { $s = $v | Sort-Object; if ($s.Count % 2) { $s[[int][math]::Floor($s.Count / 2)] } else { ($s[$s.Count / 2 - 1] + $s[$s.Count / 2]) / 2 } }
foreach ($measure in 'Wall', 'Cpu') {
    $empty = [double[]]($times.EmptyModule | ForEach-Object $measure)
    foreach ($name in $names) {
        $v = [double[]]($times[$name] | ForEach-Object $measure)
        [pscustomobject]@{
            Module   = $name
            Measure  = $measure
            MedianMs = [math]::Round((Get-Median $v), 1)
            MeanMs   = [math]::Round(($v | Measure-Object -Average).Average, 1)
            MinMs    = [math]::Round(($v | Measure-Object -Minimum).Minimum, 1)
            Ratio    = '{0:0.00}x / {1:0.00}x' -f ((Get-Median $v) / (Get-Median $empty)), (($v | Measure-Object -Average).Average / ($empty | Measure-Object -Average).Average)
        }
    }
}
