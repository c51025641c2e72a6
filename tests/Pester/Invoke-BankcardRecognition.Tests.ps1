#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }
# Mirrors tests/Module.Tests/Recognition/*.cs for machines with pwsh or Windows PowerShell 5.1, against the
# emulator started as a child process.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSupport.ps1')
    Import-Module -Name (Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1') -Force
    $script:emulator = Start-TestEmulator
    $script:folder = Join-Path ([System.IO.Path]::GetTempPath()) ("bankcardocr-pester-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $folder
    1..5 | ForEach-Object { $null = New-TestPng -Path (Join-Path $folder "card$_.png") -Tag "pester$_" }
    [System.IO.File]::WriteAllText((Join-Path $folder 'notes.png'), 'not an image')
    $script:tencent = @{ Provider = 'Tencent'; Credential = $emulator.Credential; Endpoint = $emulator.Endpoint; MaxRequestsPerSecond = 0 }
    $script:legacy = @{ Provider = 'TencentLegacy'; Credential = $emulator.Credential; Endpoint = $emulator.Endpoint; AppId = $emulator.AppId; MaxRequestsPerSecond = 0 }
}

AfterAll {
    Stop-TestEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Invoke-BankcardRecognition' {
    It 'recognises Get-ChildItem output through <Name>' -ForEach @(
        @{ Name = 'Tencent'; Key = 'tencent' }
        @{ Name = 'TencentLegacy'; Key = 'legacy' }
    ) {
        $splat = Get-Variable -Name $Key -ValueOnly
        $results = Get-ChildItem -LiteralPath $folder -Filter 'card*.png' | Invoke-BankcardRecognition @splat -Ordered
        $results.Count | Should -Be 5
        $results[0].PSObject.TypeNames[0] | Should -Be 'BankcardOcr.BankcardRecognitionResult'
        $results[0].Provider | Should -Be $Name
        $results[0].CardNumber | Should -Match '^\d{16,19}$'
        $results.Source | Should -Be (Get-ChildItem -LiteralPath $folder -Filter 'card*.png' | Sort-Object Name).FullName
    }

    It 'writes one error per bad input and goes on' {
        $results = Invoke-BankcardRecognition -Path (Join-Path $folder '*.png'), (Join-Path $folder 'missing.png') @tencent -ErrorVariable failed -ErrorAction SilentlyContinue
        $results.Count | Should -Be 5
        $failed.Count | Should -Be 2
        ($failed.FullyQualifiedErrorId | ForEach-Object { $_.Split(',')[0] } | Sort-Object) | Should -Be @('ImageNotFound', 'UnsupportedImageFormat')
        $failed[0].Exception.GetType().FullName | Should -Be 'BankcardOcr.BankcardOcrException'
    }

    It 'refuses plain http to a non-loopback host' {
        { Invoke-BankcardRecognition -Uri 'https://example.com/a.png' -Provider Tencent -Credential $emulator.Credential -Endpoint 'http://ocr.example.com/' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InsecureEndpoint*'
    }

    It 'masks the number in the default views and exports flat CSV' {
        $result = Invoke-BankcardRecognition -LiteralPath (Join-Path $folder 'card1.png') @tencent
        $table = $result | Format-Table | Out-String
        $list = $result | Format-List | Out-String
        $table | Should -Not -Match $result.CardNumber
        $list | Should -Not -Match $result.CardNumber
        $csv = $result | ConvertTo-Csv -NoTypeInformation
        $csv[0] | Should -Match '"Source","Provider","CardNumber","BankName","BankCode","CardType"'
        $csv[1] | Should -Not -Match 'System\.'
    }

    It 'never prints the secret key with -Verbose and -Debug' {
        $DebugPreference = 'Continue'
        $text = Invoke-BankcardRecognition -LiteralPath (Join-Path $folder 'card2.png') @legacy -Verbose -Debug *>&1 | Out-String
        $text | Should -Not -Match ([regex]::Escape($emulator.SecretKey))
    }
}

Describe 'New-TencentOcrSignature' {
    It 'reproduces the published multi-use vector' {
        $key = ConvertTo-SecureString -String 'nwOKDouy5JctNOlnere4gkVoOUz5EYAb' -AsPlainText -Force
        $credential = [pscredential]::new('AKIDgaoOYh2kOmJfWVdH4lpfxScG2zPLPGoK', $key)
        $signature = New-TencentOcrSignature -AppId 1252821871 -Bucket tencentyun -Credential $credential `
            -Timestamp ([DateTimeOffset]::FromUnixTimeSeconds(1436077115)) -ExpiresAt ([DateTimeOffset]::FromUnixTimeSeconds(1438669115)) -Nonce 11162
        $signature.Authorization | Should -Be 'p2Y5iIYyBmQNfUvPe3e1sxEN/rZhPTEyNTI4MjE4NzEmYj10ZW5jZW50eXVuJms9QUtJRGdhb09ZaDJrT21KZldWZEg0bHBmeFNjRzJ6UExQR29LJmU9MTQzODY2OTExNSZ0PTE0MzYwNzcxMTUmcj0xMTE2MiZ1PTAmZj0='
        ($signature | Format-List | Out-String) | Should -Not -Match 'p2Y5iIYy'
        $signature.ToString() | Should -Not -Match 'p2Y5iIYy'
    }

    It 'gives Invoke-RestMethod-ready TC3 headers' {
        $signature = New-TencentOcrSignature -Action BankCardOCR -Payload '{}' -Credential $emulator.Credential
        $signature.Headers['X-TC-Action'] | Should -Be 'BankCardOCR'
        $signature.Headers['Authorization'] | Should -Match '^TC3-HMAC-SHA256 Credential='
    }
}
