# The pwsh working-set run of docs/performance.md: one Invoke-BankcardRecognition over a folder written by
# `LocalBench write <folder> <n>`, default provider and ThrottleLimit, in this (fresh) pwsh process.
#   pwsh -NoProfile -File bench/LocalBench/batch.ps1 -Folder /tmp/ws1000 [-Numbers numbers.txt]
# Prints one line: results, right/wrong against truth.csv, errors, throughput, median latency, CPU time and the
# process's peak working set. -Numbers writes "file number" per result, to compare two builds' answers exactly.
param(
    [Parameter(Mandatory)] [string] $Folder,
    [string] $Numbers,
    [string] $Module = (Join-Path $PSScriptRoot '../../out/BankcardOcr')
)

Import-Module $Module -ErrorAction Stop
$truth = @{}
foreach ($line in Get-Content (Join-Path $Folder 'truth.csv')) {
    $file, $number = $line -split ','
    $truth[$file] = $number
}

$process = Get-Process -Id $PID
$cpuBefore = $process.TotalProcessorTime
$watch = [Diagnostics.Stopwatch]::StartNew()
$results = Invoke-BankcardRecognition -Path (Join-Path $Folder '*.jpg') -ErrorVariable failures -ErrorAction SilentlyContinue
$watch.Stop()
$process.Refresh()

$right = @($results | Where-Object { $truth[[IO.Path]::GetFileName($_.Source)] -eq $_.CardNumber }).Count
$latencies = @($results.ElapsedMilliseconds | Sort-Object)
$median = if ($latencies.Count) { $latencies[[int]($latencies.Count / 2)] } else { 0 }
'{0} results, {1} right, {2} wrong, {3} errors; {4:0.0} s, {5:0.00} /s, median {6} ms; CPU {7:0} s; peak working set {8} MB' -f `
    $results.Count, $right, ($results.Count - $right), $failures.Count, $watch.Elapsed.TotalSeconds,
    ($results.Count / $watch.Elapsed.TotalSeconds), $median, ($process.TotalProcessorTime - $cpuBefore).TotalSeconds,
    [math]::Round($process.PeakWorkingSet64 / 1MB)

if ($Numbers) {
    $results | Sort-Object Source | ForEach-Object { '{0} {1}' -f [IO.Path]::GetFileName($_.Source), $_.CardNumber } | Set-Content $Numbers
}
