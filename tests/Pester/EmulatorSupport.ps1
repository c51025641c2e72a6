# Shared by the Pester suites that talk to the cloud emulator: starts tests/Emulator (built by
# `dotnet build BankcardOcr.sln -c Release`) as a child process on a free loopback port, drives it through its one
# control protocol (the /_emulator/ routes of tests/Emulator/Hosting/ControlEndpoint.cs, which the C# EmulatorHost of
# tests/TestSupport drives too), and stops it. Kept in PowerShell because the suites also run on Windows PowerShell
# 5.1, which cannot load the .NET 10 test support library. The emulator's default keys are fixed test values
# (tests/Emulator/EmulatorOptions.cs), not secrets.

function Start-TestEmulator {
    # -HuaweiUser / -HuaweiDomain: the IAM user and account name the emulator accepts (emulator-user and
    # emulator-account by default).
    param([string] $HuaweiUser = 'emulator-user', [string] $HuaweiDomain = 'emulator-account')
    $dll = Join-Path $PSScriptRoot '../Emulator/bin/Release/net10.0/BankcardOcr.Emulator.dll'
    if (-not (Test-Path -LiteralPath $dll)) {
        throw "Build first: dotnet build BankcardOcr.sln -c Release ($dll is missing)"
    }

    # Arguments as one string: ProcessStartInfo.ArgumentList does not exist on Windows PowerShell 5.1. The emulator
    # stops when its standard input closes, so it never outlives this session.
    $arguments = '"{0}" --huawei-user "{1}" --huawei-domain "{2}" --stop-on-stdin-close true' -f (Resolve-Path -LiteralPath $dll).Path, $HuaweiUser, $HuaweiDomain
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet', $arguments)
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardInput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    $address = $process.StandardOutput.ReadLine()
    if (-not $address -or -not $address.StartsWith('http://127.0.0.1:')) {
        $process.Kill()
        throw "The emulator did not start: '$address'"
    }

    $secretKey = ConvertTo-SecureString -String 'emulatorTencentSecretKey00000000' -AsPlainText -Force
    $huaweiKey = ConvertTo-SecureString -String 'emulatorHuaweiSecretKey0000000000000000' -AsPlainText -Force
    $huaweiPassword = ConvertTo-SecureString -String 'emulator-Passw0rd' -AsPlainText -Force
    [pscustomobject]@{
        Process         = $process
        Endpoint        = $address
        AppId           = '1250000000'
        Credential      = [pscredential]::new('AKIDEMULATORxxxxxxxxxxxxxxxxxxxxxxxx', $secretKey)
        SecretKey       = 'emulatorTencentSecretKey00000000'
        HuaweiKeys      = [pscredential]::new('EMULATORACCESSKEY000', $huaweiKey)
        HuaweiUser      = [pscredential]::new($HuaweiUser, $huaweiPassword)
        HuaweiDomain    = $HuaweiDomain
        HuaweiProjectId = '0123456789abcdef0123456789abcdef'
    }
}

function Stop-TestEmulator {
    param($Emulator)
    if ($Emulator -and -not $Emulator.Process.HasExited) {
        $Emulator.Process.Kill()
        $Emulator.Process.WaitForExit()
    }
}

function Invoke-TestEmulatorControl {
    # One call of the control protocol: -Route is the part after /_emulator/ (stats, stats/reset, faults/Tencent,
    # imagefaults, settings); -Body, a hashtable, goes as JSON in the emulator's shapes (EmulatedFault, FaultPlan).
    param($Emulator, [string] $Route, [string] $Method = 'Get', $Body)
    $call = @{ Method = $Method; Uri = $Emulator.Endpoint + '_emulator/' + $Route }
    if ($null -ne $Body) {
        $call.Body = $Body | ConvertTo-Json -Depth 5
        $call.ContentType = 'application/json'
    }
    Invoke-RestMethod @call
}

function Get-TestEmulatorStats {
    # The counters: requests, successes and errors per service, errorsByCode, rateLimited, faultsInjected, inFlight, …
    param($Emulator)
    Invoke-TestEmulatorControl -Emulator $Emulator -Route 'stats'
}

function Reset-TestEmulatorStats {
    param($Emulator)
    $null = Invoke-TestEmulatorControl -Emulator $Emulator -Route 'stats/reset' -Method Post
}

function Add-TestEmulatorFault {
    # The next request to -Api (Tencent, TencentLegacy, HuaweiIam, HuaweiOcr) gets -Fault, first in, first out.
    param($Emulator, [string] $Api, [hashtable] $Fault)
    $null = Invoke-TestEmulatorControl -Emulator $Emulator -Route "faults/$Api" -Method Post -Body $Fault
}

function Add-TestEmulatorImageFault {
    # The next -Times requests carrying the bytes of the file at -Path get -Fault.
    param($Emulator, [string] $Path, [hashtable] $Fault, [int] $Times = 1)
    $body = @{ image = [Convert]::ToBase64String([System.IO.File]::ReadAllBytes($Path)); fault = $Fault; times = $Times }
    $null = Invoke-TestEmulatorControl -Emulator $Emulator -Route 'imagefaults' -Method Post -Body $body
}

function Set-TestEmulatorSettings {
    # Latency added to every OCR request ('hh:mm:ss.fff'), the vendor's rate limit per second ($null: none) and a
    # seeded random FaultPlan ($null: none), all at once.
    param($Emulator, [string] $Latency = '00:00:00', $RateLimitPerSecond = $null, $RandomFaults = $null)
    $body = @{ latency = $Latency; rateLimitPerSecond = $RateLimitPerSecond; randomFaults = $RandomFaults }
    $null = Invoke-TestEmulatorControl -Emulator $Emulator -Route 'settings' -Method Put -Body $body
}

function New-TestPng {
    # A header-only PNG: the emulator reads format and size from headers and never decodes pixels.
    param([string] $Path, [string] $Tag = '')
    $bytes = [System.Collections.Generic.List[byte]]::new()
    $bytes.AddRange([byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52))
    $bytes.AddRange([byte[]](0, 0, 3, 0x58, 0, 0, 2, 0x1C, 8, 2, 0, 0, 0, 0, 0, 0, 0))
    $bytes.AddRange([System.Text.Encoding]::ASCII.GetBytes($Tag))
    [System.IO.File]::WriteAllBytes($Path, $bytes.ToArray())
    $Path
}

function New-BlankBmp {
    # A real 640 x 400 picture of an even grey: it decodes, and holds no card (the offline recognizer abstains on it).
    param([string] $Path)
    $width = 640; $height = 400; $row = $width * 3
    $bytes = [byte[]]::new(54 + $row * $height)
    $header = [System.IO.BinaryWriter]::new([System.IO.MemoryStream]::new($bytes))
    $header.Write([byte[]](0x42, 0x4D)); $header.Write([int] $bytes.Length); $header.Write([int] 0); $header.Write([int] 54)
    $header.Write([int] 40); $header.Write([int] $width); $header.Write([int] $height); $header.Write([int16] 1); $header.Write([int16] 24)
    $header.Write([int] 0); $header.Write([int] ($row * $height)); $header.Write([int] 2835); $header.Write([int] 2835); $header.Write([int] 0); $header.Write([int] 0)
    for ($i = 54; $i -lt $bytes.Length; $i++) { $bytes[$i] = 200 }
    [System.IO.File]::WriteAllBytes($Path, $bytes)
    $Path
}

function Publish-TestImage {
    # Serves the file's bytes at the emulator's /images/{name} (the emulator "downloads" only its own images for
    # URL inputs) and returns that URL.
    param($Emulator, [string] $Path, [string] $Name = (Split-Path -Leaf $Path))
    $bytes = [System.IO.File]::ReadAllBytes($Path)
    $reply = Invoke-RestMethod -Method Put -Uri ($Emulator.Endpoint + '_emulator/images/' + [uri]::EscapeDataString($Name)) -Body $bytes -ContentType 'application/octet-stream'
    $reply.url
}
