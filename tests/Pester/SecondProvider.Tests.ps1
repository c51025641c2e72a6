#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }
# Two providers in one call, as an administrator runs them (issue 18): a folder piped from Get-ChildItem read offline
# with -Fallback to the emulated Tencent for what Local cannot verify, exported to CSV; and -CrossCheck with the two
# providers disagreeing, where no stream, view or CSV cell may show either number whole.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSupport.ps1')
    Import-Module -Name (Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1') -Force
    $script:emulator = Start-TestEmulator
    $script:folder = Join-Path ([System.IO.Path]::GetTempPath()) ("bankcardocr-second-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $folder
    $samples = @(Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot '../../samples') -Filter *.jpg | Sort-Object Name)
    Copy-Item -LiteralPath $samples[0].FullName, $samples[5].FullName -Destination $folder
    $null = New-BlankBmp -Path (Join-Path $folder 'no-card.bmp')
    $script:cloud = @{ Credential = $emulator.Credential; Endpoint = $emulator.Endpoint; MaxRequestsPerSecond = 0 }
    $script:truth = @{}
    foreach ($row in Import-Csv (Join-Path $PSScriptRoot '../../samples/truth.csv')) { $truth[$row.file] = $row.number }
}

AfterAll {
    Stop-TestEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Invoke-BankcardRecognition -Fallback' {
    It 'reads a piped folder offline, sends only the photo Local cannot verify, and says who answered in the CSV' {
        Reset-TestEmulatorStats $emulator
        $csv = Join-Path $folder 'cards.csv'

        Get-ChildItem -LiteralPath $folder -File | Where-Object Extension -In '.jpg', '.bmp' |
            Invoke-BankcardRecognition -Fallback Tencent @cloud -ErrorAction Stop |
            Export-Csv -LiteralPath $csv -NoTypeInformation -Encoding utf8

        $rows = @(Import-Csv -LiteralPath $csv)
        $rows.Count | Should -Be 3
        ($rows | Where-Object Provider -EQ 'Tencent').Source | Should -Be (Join-Path $folder 'no-card.bmp')
        $local = @($rows | Where-Object Provider -EQ 'Local')
        $local.Count | Should -Be 2
        $local | ForEach-Object { $_.CardNumber | Should -Be $truth[[IO.Path]::GetFileName($_.Source)] }
        $rows[0].PSObject.Properties.Name | Should -Contain 'IsConfirmed'
        (Get-TestEmulatorStats $emulator).requests.Tencent | Should -Be 1
    }

    It 'lists under -WhatIf what would be sent and sends nothing' {
        Reset-TestEmulatorStats $emulator

        # "What if:" lines go to the host, not to a stream: a child pwsh's console output holds them.
        $script = "Import-Module '{0}'; `$key = ConvertTo-SecureString '{1}' -AsPlainText -Force; " -f (Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1'), $emulator.SecretKey
        $script += "Get-ChildItem -LiteralPath '{0}' -Filter *.bmp | Invoke-BankcardRecognition -Fallback Tencent -Credential ([pscredential]::new('{1}', `$key)) -Endpoint '{2}' -WhatIf -ErrorAction SilentlyContinue" -f $folder, $emulator.Credential.UserName, $emulator.Endpoint
        $pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
        $said = & $pwsh -NoProfile -NonInteractive -Command $script | Out-String

        (Get-TestEmulatorStats $emulator).requests.Tencent | Should -Be 0
        $said | Should -Match 'What if: .*Send to Tencent'
    }
}

Describe 'Invoke-BankcardRecognition -CrossCheck' {
    It 'shows two disagreeing readings only masked, in every stream, view and CSV cell' {
        $card = Get-ChildItem -LiteralPath $folder -Filter *.jpg | Select-Object -First 1
        $number = $truth[$card.Name]
        $other = '6222020200112233445' # the emulator's own card, Luhn-valid
        $csv = Join-Path $folder 'disputed.csv'

        $everything = & {
            $VerbosePreference = 'Continue'
            $card | Invoke-BankcardRecognition -CrossCheck Tencent @cloud -Verbose -WarningVariable warned *>&1 | ForEach-Object {
                if ($_ -is [BankcardOcr.BankcardRecognitionResult]) { $_ | Export-Csv -LiteralPath $csv -NoTypeInformation; $_ | Format-List | Out-String; $_ | Format-Table | Out-String }
                else { $_ | Out-String }
            }
            Get-Content -LiteralPath $csv -Raw
        } | Out-String

        $everything | Should -Match 'ProvidersDisagree'
        $everything | Should -Not -Match $other
        $row = Import-Csv -LiteralPath $csv
        $row.CardNumber | Should -Be $number
        $row.IsConfirmed | Should -Be 'False'
        $row.CrossCheckCardNumber | Should -Be ($other.Substring(0, 6) + '*********' + $other.Substring(15))
        # Outside the CardNumber column (which the user asked for) the first reading is masked too.
        ($everything -replace [regex]::Escape("`"$number`""), '') | Should -Not -Match $number
    }
}
