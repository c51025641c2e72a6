# The mixed-folder run of docs/performance.md ("Local first, the cloud for the rest"): one folder of synthetic card
# photos read three ways in this pwsh process, against the emulator standing in for Tencent Cloud with a cloud-like
# latency per request: Local alone, Tencent alone, and Local with -Fallback Tencent.
#   dotnet run --project tools/CardSynth -c Release -- --out /tmp/mixed100 --seed 5 --count 100 --level hard
#   pwsh -NoProfile -File bench/LocalBench/fallback.ps1 -Folder /tmp/mixed100 [-LatencyMs 400]
# Prints, per way: results and errors, right against truth.csv (Local's readings; the emulator answers one made-up
# card), images the emulator received, wall time, CPU time of this process.
param(
    [Parameter(Mandatory)] [string] $Folder,
    [int] $LatencyMs = 400,
    [string] $Module = (Join-Path $PSScriptRoot '../../out/BankcardOcr')
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot '../../tests/Pester/EmulatorSupport.ps1')
Import-Module $Module
$truth = @{}
foreach ($row in Import-Csv (Join-Path $Folder 'truth.csv')) { $truth[$row.file] = $row.number }
$files = @(Get-ChildItem -LiteralPath $Folder -File | Where-Object Extension -In '.jpg', '.png')

$emulator = Start-TestEmulator
try {
    $settings = @{ latency = [TimeSpan]::FromMilliseconds($LatencyMs).ToString(); rateLimitPerSecond = $null; randomFaults = $null } | ConvertTo-Json
    Invoke-RestMethod -Method Put -Uri ($emulator.Endpoint + '_emulator/settings') -Body $settings -ContentType 'application/json' | Out-Null
    $cloud = @{ Credential = $emulator.Credential; Endpoint = $emulator.Endpoint }
    $ways = [ordered]@{
        'Local alone'                 = @{}
        'Tencent alone'               = @{ Provider = 'Tencent' } + $cloud
        'Local -Fallback Tencent'     = @{ Fallback = 'Tencent' } + $cloud
    }

    # One warm-up image each way, so that loading the models and the first connection are not in the figures.
    foreach ($way in $ways.Values) { $null = $files[0] | Invoke-BankcardRecognition @way -ErrorAction SilentlyContinue }

    foreach ($name in $ways.Keys) {
        $way = $ways[$name]
        Invoke-RestMethod -Method Post -Uri ($emulator.Endpoint + '_emulator/stats/reset') | Out-Null
        $process = Get-Process -Id $PID
        $cpu = $process.TotalProcessorTime
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $results = @($files | Invoke-BankcardRecognition @way -ErrorVariable failures -ErrorAction SilentlyContinue)
        $watch.Stop()
        $process.Refresh()
        $stats = Invoke-RestMethod -Uri ($emulator.Endpoint + '_emulator/stats')
        $local = @($results | Where-Object Provider -EQ 'Local')
        $right = @($local | Where-Object { $truth[[IO.Path]::GetFileName($_.Source)] -eq $_.CardNumber }).Count
        '{0,-26} {1,3} results ({2} by Local, {3} right), {4} errors; {5,3} images sent; {6,6:0.0} s wall, {7,6:0.0} s CPU' -f `
            $name, $results.Count, $local.Count, $right, $failures.Count, $stats.requests.Tencent,
            $watch.Elapsed.TotalSeconds, ($process.TotalProcessorTime - $cpu).TotalSeconds
    }
}
finally {
    Stop-TestEmulator $emulator
}
