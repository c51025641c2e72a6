# Shared by the Pester suites that talk to the cloud emulator: starts tests/Emulator (built by
# `dotnet build BankcardOcr.sln -c Release`) as a child process on a free loopback port, and stops it.
# The emulator's default keys are fixed test values (tests/Emulator/EmulatorOptions.cs), not secrets.

function Start-TestEmulator {
    # -HuaweiUser / -HuaweiDomain: the IAM user and account name the emulator accepts (emulator-user and
    # emulator-account by default).
    param([string] $HuaweiUser = 'emulator-user', [string] $HuaweiDomain = 'emulator-account')
    $dll = Join-Path $PSScriptRoot '../Emulator/bin/Release/net10.0/BankcardOcr.Emulator.dll'
    if (-not (Test-Path -LiteralPath $dll)) {
        throw "Build first: dotnet build BankcardOcr.sln -c Release ($dll is missing)"
    }

    # Arguments as one string: ProcessStartInfo.ArgumentList does not exist on Windows PowerShell 5.1.
    $arguments = '"{0}" --huawei-user "{1}" --huawei-domain "{2}"' -f (Resolve-Path -LiteralPath $dll).Path, $HuaweiUser, $HuaweiDomain
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet', $arguments)
    $start.RedirectStandardOutput = $true
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
