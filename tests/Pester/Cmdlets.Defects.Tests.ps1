#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }
# Defects of the other cmdlets, the views, completion and the emulator found by a trial in real pwsh
# (issue 9, item 4). Each test fails on the code before its fix.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSupport.ps1')
    Import-Module -Name (Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1') -Force
    $script:emulator = Start-TestEmulator
    $script:image = New-TestPng -Path (Join-Path ([System.IO.Path]::GetTempPath()) ("bankcardocr-views-" + [guid]::NewGuid().ToString('N') + '.png')) -Tag 'views'
    $script:hasSecretManagement = [bool](Get-Module -ListAvailable -Name Microsoft.PowerShell.SecretManagement)

    # Display cells, as the console counts them: East Asian wide characters take two.
    function Get-CellWidth([string] $Line) {
        $cells = 0
        foreach ($c in $Line.ToCharArray()) { $cells += if ([int]$c -ge 0x1100 -and [int]$c -le 0xFFDC -and -not ([int]$c -ge 0x2500 -and [int]$c -le 0x27FF)) { 2 } else { 1 } }
        $cells
    }

    function Assert-Fits80 {
        param($Objects, [string[]] $Labels, [string[]] $Values)
        $text = $Objects | Out-String -Width 80
        $lines = $text -split "`r?`n" | Where-Object { $_.Trim() }
        $lines | ForEach-Object { Get-CellWidth $_ | Should -BeLessOrEqual 80 -Because "'$_' must fit 80 columns" }
        # One header line holds every label, whole: no collapsed column with a vertical or cut header.
        $header = $lines | Where-Object { $line = $_; @($Labels | Where-Object { $line -match "(^|\s)$_(\s|$)" }).Count -eq $Labels.Count }
        $header | Should -Not -BeNullOrEmpty -Because "the header must read '$($Labels -join ' ')' in:`n$text"
        foreach ($value in $Values) {
            $text | Should -Match ([regex]::Escape($value)) -Because "'$value' must show uncut in:`n$text"
        }
    }
}

AfterAll {
    Stop-TestEmulator $emulator
    Remove-Item -LiteralPath $image -Force -ErrorAction SilentlyContinue
}

Describe 'Default views at 80 columns' {
    It 'shows a recognition result' {
        $result = Invoke-BankcardRecognition -LiteralPath $image -Provider Tencent -Credential $emulator.Credential -Endpoint $emulator.Endpoint
        Assert-Fits80 -Objects @($result, $result) -Labels 'Source', 'CardNumber', 'BankName', 'CardType', 'Warnings' `
            -Values ([BankcardOcr.Cards.CardNumberMask]::Mask($result.CardNumber)), $result.BankName, $result.CardType
    }

    It 'shows Test-BankcardNumber output' {
        $info = '6228480402564890018', '4111111111111111' | Test-BankcardNumber
        Assert-Fits80 -Objects $info -Labels 'CardNumber', 'IsValid', 'Network', 'BankName', 'Reason' -Values '622848*********0018', $info[0].BankName, 'UnionPay'
    }

    It 'shows a Huawei IAM token with its expiry' {
        $token = Get-HuaweiIamToken -Credential $emulator.HuaweiUser -DomainName $emulator.HuaweiDomain -Endpoint $emulator.Endpoint
        Assert-Fits80 -Objects $token -Labels 'Region', 'ProjectId', 'ExpiresAt', 'IsExpired' `
            -Values $token.ProjectId, $token.ExpiresAt.ToUniversalTime().ToString('yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture)
    }

    It 'shows both kinds of Tencent signature' {
        $legacy = New-TencentOcrSignature -AppId 1250000000 -Bucket tencentyun -Credential $emulator.Credential
        Assert-Fits80 -Objects $legacy -Labels 'AppId', 'Bucket', 'CreatedAt', 'ExpiresAt', 'IsOneTime' -Values '1250000000', 'tencentyun'
        $tc3 = New-TencentOcrSignature -Action BankCardOCR -Payload '{}' -Credential $emulator.Credential
        Assert-Fits80 -Objects $tc3 -Labels 'Action', 'HostName', 'Timestamp' -Values 'BankCardOCR', 'ocr.tencentcloudapi.com'
    }
}

Describe 'Test-BankcardNumber' {
    It 'shows no full number in any part of the error record of a misread number' {
        # Through a variable, as numbers arrive from files: the typed command line (InvocationInfo) is the user's own text.
        $misread = '6228-4804-0256-4890-01O'
        $null = $misread | Test-BankcardNumber -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $digits = '622848040256489001'
        $ErrorView = 'NormalView'
        ($failed[0] | Out-String -Width 300) -replace '[- ]', '' | Should -Not -Match $digits
        if (Get-Command Get-Error -ErrorAction Ignore) {
            ($failed[0] | Get-Error | Out-String -Width 300) -replace '[- ]', '' | Should -Not -Match $digits
        }
        $failed[0].CategoryInfo.ToString() | Should -Match ([regex]::Escape('6228-48**-****-***0-01O'))
        $failed[0].TargetObject | Should -Be '6228-48**-****-***0-01O'
    }

    It 'refuses a number whose length the BIN row does not list' {
        $info = Test-BankcardNumber 62284804025648900
        $info.IsLuhnValid | Should -BeTrue
        $info.IsValid | Should -BeFalse
        $info.Reason | Should -Match '19 digits, not 17'
    }
}

Describe 'New-TencentOcrSignature' {
    It 'Example 1 of its help calls Invoke-RestMethod successfully' {
        # The Invoke-RestMethod line exactly as docs/New-TencentOcrSignature.md writes it, pointed at the
        # emulator; the emulator knows BankCardOCR only, so $body and $sig are made for that action.
        $doc = Get-Content -LiteralPath (Join-Path $PSScriptRoot '../../docs/New-TencentOcrSignature.md') -Encoding utf8
        $line = ($doc | Where-Object { $_ -like 'PS> Invoke-RestMethod *' } | Select-Object -First 1).Substring(4)
        $line | Should -Match '-Headers \$sig\.Headers'
        $line = $line.Replace('https://ocr.tencentcloudapi.com', $emulator.Endpoint)
        if ($PSVersionTable.PSVersion.Major -lt 6) {
            $line = $line.Replace(' -SkipHeaderValidation', '') # 5.1 neither validates nor has the switch, as the help says
        }
        $body = (@{ ImageBase64 = [Convert]::ToBase64String([IO.File]::ReadAllBytes($image)) } | ConvertTo-Json -Compress)
        $sig = New-TencentOcrSignature -Action BankCardOCR -Payload $body -Region ap-guangzhou -Credential $emulator.Credential
        $answer = Invoke-Expression $line
        $answer.Response.Error | Should -BeNullOrEmpty
        $answer.Response.CardNo | Should -Match '^\d{16,19}$'
    }

    It 'names the cmdlet parameter, without a .NET suffix, when -Lifetime is out of range' {
        { New-TencentOcrSignature -AppId 1250000000 -Credential $emulator.Credential -Lifetime ([timespan]::FromDays(100)) -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSignatureRequest*' -PassThru |
            ForEach-Object {
                $_.Exception.Message | Should -Match '^-Lifetime: '
                $_.Exception.Message | Should -Not -Match "\(Parameter '|Parameter name:"
            }
    }
}

Describe 'Get-HuaweiIamToken' {
    It 'points to its own -Endpoint for an unknown region' {
        { Get-HuaweiIamToken -Credential $emulator.HuaweiUser -DomainName $emulator.HuaweiDomain -Region xx-nowhere-1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnknownRegion*' -PassThru |
            ForEach-Object {
                $_.Exception.Message | Should -Match '-Endpoint'
                $_.Exception.Message | Should -Not -Match 'IamEndpoint|\(Parameter '
            }
    }
}

Describe 'Set-BankcardOcrSecret without SecretManagement' {
    It 'says SecretManagement is missing under -WhatIf, naming no -SecretName parameter' -Skip:$hasSecretManagement {
        { Set-BankcardOcrSecret -Name ocr -Provider Tencent -Credential $emulator.Credential -WhatIf -ErrorAction Stop } |
            Should -Throw -ErrorId 'SecretManagementNotAvailable*' -PassThru |
            ForEach-Object { $_.Exception.Message | Should -Match '^Set-BankcardOcrSecret needs' }
    }
}

Describe 'Tab completion' {
    BeforeAll {
        $script:folder = Join-Path ([System.IO.Path]::GetTempPath()) ("bankcardocr-complete-" + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $folder
        $null = New-Item -ItemType File -Path (Join-Path $folder 'vault-looking-file.txt')
        function Complete([string] $Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches }
    }
    AfterAll { Remove-Item -LiteralPath $folder -Recurse -Force }

    It 'offers no file names for -Vault of <Command>' -ForEach @(@{ Command = 'Invoke-BankcardRecognition' }, @{ Command = 'Set-BankcardOcrSecret' }, @{ Command = 'Get-HuaweiIamToken' }) {
        Push-Location $folder
        try {
            $matches = Complete "$Command -Vault v"
            $matches.CompletionText | Should -Not -Contain './vault-looking-file.txt'
            $matches | Where-Object CompletionText -Like '*file*' | Should -BeNullOrEmpty
        }
        finally {
            Pop-Location
        }
    }

    It 'completes vault names from Get-SecretVault' -Skip:(-not $hasSecretManagement) {
        $vaults = @(Get-SecretVault).Name
        (Complete 'Invoke-BankcardRecognition -Vault ').ListItemText | Should -Be ($vaults | Sort-Object)
    }

    It 'offers only Tencent regions to New-TencentOcrSignature -Region' {
        $regions = (Complete 'New-TencentOcrSignature -Action BankCardOCR -Region ').CompletionText
        $regions | Should -Contain 'ap-guangzhou'
        $regions | Where-Object { $_ -like 'cn-*' } | Should -BeNullOrEmpty
    }

    It 'offers regions to Set-BankcardOcrSecret -Region, by the -Provider typed in any case' {
        (Complete 'Set-BankcardOcrSecret -Provider huawei -Region cn-').CompletionText | Should -Contain 'cn-north-4'
        $tencent = (Complete 'Set-BankcardOcrSecret -Provider TENCENT -Region ').CompletionText
        $tencent | Should -Contain 'ap-guangzhou'
        $tencent | Should -Not -Contain 'cn-north-4'
    }
}

Describe 'The emulator' {
    It 'stops promptly on SIGTERM' -Skip:($IsWindows -or $PSVersionTable.PSVersion.Major -lt 6) {
        $own = Start-TestEmulator
        try {
            & kill -TERM $own.Process.Id
            $own.Process.WaitForExit(5000) | Should -BeTrue -Because 'SIGTERM must stop the emulator within 5 s'
            $own.Process.ExitCode | Should -Be 0
        }
        finally {
            Stop-TestEmulator $own
        }
    }
}

Describe '-Debug without -Verbose in an unattended shell' {
    # The engine turns -Debug alone into an Inquire preference for verbose lines: each WriteVerbose asked "Continue?",
    # which pwsh -NonInteractive (a scheduled task, a CI job) turned into a terminating error before any work.
    BeforeAll {
        $script:pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
        $script:modulePath = Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1'
        $script:sample = Join-Path $PSScriptRoot '../../samples/clean-0000-flat-intl.jpg'
        function Invoke-Unattended([string] $Command) {
            $script = "`$ErrorActionPreference = 'Stop'; Import-Module '$modulePath'; $Command"
            $output = & $pwsh -NoProfile -NonInteractive -Command $script 2>&1
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Text = ($output | Out-String) }
        }
    }

    It 'Invoke-BankcardRecognition -Debug reads the card and shows its verbose lines as debug lines' {
        $run = Invoke-Unattended "Invoke-BankcardRecognition -LiteralPath '$sample' -Debug 5>&1 | ForEach-Object { if (`$_ -is [System.Management.Automation.DebugRecord]) { 'DEBUG ' + `$_.Message } else { 'NUMBER ' + `$_.CardNumber } }"
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Text | Should -Not -Match 'NonInteractive mode'
        $run.Text | Should -Match 'NUMBER 4268471276564012'
        $run.Text | Should -Match 'DEBUG Local: up to \d+ photos at a time'
    }

    It 'Test-BankcardNumber and New-TencentOcrSignature -Debug finish too' {
        $run = Invoke-Unattended "Test-BankcardNumber 6228480402564890018 -Debug | Out-Null; `$key = [pscredential]::new('AKIDEXAMPLE', (ConvertTo-SecureString 'example-key' -AsPlainText -Force)); New-TencentOcrSignature -Action BankCardOCR -Payload '{}' -Credential `$key -Debug | Out-Null; 'done'"
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Text | Should -Match 'done'
    }

    It 'still writes verbose lines as verbose when -Verbose is given too' {
        $run = Invoke-Unattended "Test-BankcardNumber 6228480402564890018 -Debug -Verbose 4>&1 | Where-Object { `$_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { 'VERBOSE ' + `$_.Message }"
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Text | Should -Match 'VERBOSE Checked 622848\*+0018: valid'
    }
}
