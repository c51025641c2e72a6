# The pwsh working-set run on labelled real photos (docs/performance.md, "Real photos"): the photos a folder's
# labels.csv names, read as a user reads a folder (Get-ChildItem | Invoke-BankcardRecognition), default provider and
# ThrottleLimit, in this (fresh) pwsh process.
#   pwsh -NoProfile -File bench/LocalBench/realcards.ps1 -Folder ../shared/realcards/photos
# Prints one line of aggregates: photos, numbers returned, exact and wrong against the labels, abstentions, other
# errors, wall and CPU time, and the process's peak working set. Never a file name or a digit.
param(
    [Parameter(Mandatory)] [string] $Folder,
    [string] $Module = (Join-Path $PSScriptRoot '../../out/BankcardOcr')
)

Import-Module $Module -ErrorAction Stop
$labels = @{}
foreach ($row in Import-Csv -LiteralPath (Join-Path $Folder 'labels.csv')) {
    $labels[$row.file] = [pscustomobject]@{ Number = $row.card_number -replace '\s', ''; Scored = $row.scored }
}

$files = @(Get-ChildItem -LiteralPath $Folder -File | Where-Object { $labels.ContainsKey($_.Name) })
$process = Get-Process -Id $PID
$cpuBefore = $process.TotalProcessorTime
$watch = [Diagnostics.Stopwatch]::StartNew()
$results = @($files | Invoke-BankcardRecognition -ErrorVariable failures -ErrorAction SilentlyContinue)
$watch.Stop()
$process.Refresh()

$exact = @($results | Where-Object { $l = $labels[(Split-Path -Leaf $_.Source)]; $l.Scored -eq 'exact' -and $l.Number -eq $_.CardNumber }).Count
$abstained = @($failures | Where-Object { $_.FullyQualifiedErrorId -like 'NoCardFound,*' }).Count
$latencies = @($results.ElapsedMilliseconds | Sort-Object)
$median = if ($latencies.Count) { $latencies[[int]($latencies.Count / 2)] } else { 0 }
'{0} photos: {1} numbers ({2} exact, {3} wrong), {4} abstained, {5} other errors; {6:0.0} s, CPU {7:0} s; median read {8} ms; peak working set {9} MB' -f `
    $files.Count, $results.Count, $exact, ($results.Count - $exact), $abstained, ($failures.Count - $abstained),
    $watch.Elapsed.TotalSeconds, ($process.TotalProcessorTime - $cpuBefore).TotalSeconds, $median,
    [math]::Round($process.PeakWorkingSet64 / 1MB)
