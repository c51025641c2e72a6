# BankcardOcr demo: read the sample cards offline, then recognise a folder of card scans through the cloud APIs,
# check the numbers, and show what a CSV export gets. The cloud part runs against the local emulator of Tencent's
# bank-card OCR (ModuleRunner --emulator), so no cloud keys are needed; with real keys, drop -Endpoint and pass -SecretName or -Credential instead.

# First the offline recognizer (the default provider): the synthetic sample cards in samples/, read on this machine.
# (.NET calls rather than Split-Path/Test-Path: the demo's engine has only the core cmdlets.)
$samples = [System.IO.Path]::Combine([System.IO.Path]::GetDirectoryName([System.IO.Path]::GetDirectoryName((Get-Module BankcardOcr).ModuleBase)), 'samples')
if ([System.IO.Directory]::Exists($samples)) {
    $Host.UI.WriteLine("Reading the sample cards in samples/ offline (Local, the default provider; nothing leaves the machine):")
    $cards = [System.IO.Directory]::GetFiles($samples, '*.jpg')
    [Array]::Sort($cards)
    $cards | Invoke-BankcardRecognition -Ordered | Out-Default
}

$Host.UI.WriteLine("Recognising the scans in $SampleFolder (Tencent API 3.0, emulated):")
$scans = [System.IO.Directory]::GetFiles($SampleFolder)
[Array]::Sort($scans)
$results = $scans |
    Invoke-BankcardRecognition -Provider Tencent -Endpoint $Emulator -Credential $EmulatorCredential -Ordered -ErrorVariable failed -ErrorAction SilentlyContinue
$results | Out-Default

$Host.UI.WriteLine("Inputs that failed: $($failed.Count)")
$failed | ForEach-Object { "  $([System.IO.Path]::GetFileName($_.TargetObject)): $($_.FullyQualifiedErrorId.Split(',')[0]) - $($_.Exception.Message)" } | Out-Default

$Host.UI.WriteLine("The same scans through the legacy API:")
$scans | Where-Object { [System.IO.Path]::GetFileName($_) -like 'card*.png' } |
    Invoke-BankcardRecognition -Provider TencentLegacy -AppId $EmulatorAppId -Endpoint $Emulator -Credential $EmulatorCredential -Ordered |
    Out-Default

$Host.UI.WriteLine("Offline checks of the recognised numbers:")
$results | Test-BankcardNumber | Out-Default
