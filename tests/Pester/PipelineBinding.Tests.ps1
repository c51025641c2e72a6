#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }
# Every kind of pipeline input a user writes binds to Invoke-BankcardRecognition in the real shell, and the
# result's Source (or the error's TargetObject) names that input. Against the emulator in a child process.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSupport.ps1')
    Import-Module -Name (Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1') -Force
    $script:emulator = Start-TestEmulator
    $script:folder = Join-Path ([System.IO.Path]::GetTempPath()) ("bankcardocr-binding-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $folder
    $null = New-Item -ItemType Directory -Path (Join-Path $folder 'sub folder')
    $script:plain = New-TestPng -Path (Join-Path $folder 'card1.png') -Tag 'bind1'
    $script:second = New-TestPng -Path (Join-Path $folder 'card2.png') -Tag 'bind2'
    $script:spaced = New-TestPng -Path (Join-Path $folder 'sub folder/my card.png') -Tag 'bind3'
    $script:bracketed = New-TestPng -Path (Join-Path $folder 'card [1].png') -Tag 'bind4'
    $PSDefaultParameterValues['Invoke-BankcardRecognition:Provider'] = 'Tencent'
    $PSDefaultParameterValues['Invoke-BankcardRecognition:Credential'] = $emulator.Credential
    $PSDefaultParameterValues['Invoke-BankcardRecognition:Endpoint'] = $emulator.Endpoint
    $PSDefaultParameterValues['Invoke-BankcardRecognition:MaxRequestsPerSecond'] = 0
}

AfterAll {
    $PSDefaultParameterValues.Clear()
    Stop-TestEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Invoke-BankcardRecognition pipeline binding' {
    It 'binds Get-ChildItem file output, Source being each FullName' {
        $files = Get-ChildItem -LiteralPath $folder -Filter 'card?.png'
        $results = $files | Invoke-BankcardRecognition -Ordered -ErrorAction Stop
        $results.Source | Should -Be $files.FullName
        $results.CardNumber | Should -Match '^\d{16,19}$'
    }

    It 'binds Get-ChildItem -File -Recurse output, nested folders with spaces included' {
        $files = Get-ChildItem -LiteralPath $folder -File -Recurse
        $results = $files | Invoke-BankcardRecognition -Ordered -ErrorAction Stop
        $results.Count | Should -Be 4
        $results.Source | Should -Be $files.FullName
    }

    It 'reports each folder of Get-ChildItem -Recurse (without -File) as an error and recognises the files' {
        $results = Get-ChildItem -LiteralPath $folder -Recurse | Invoke-BankcardRecognition -ErrorVariable failed -ErrorAction SilentlyContinue
        $results.Count | Should -Be 4
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ImageNotFound*'
        $failed[0].TargetObject | Should -Be (Join-Path $folder 'sub folder')
    }

    It 'binds Get-Item output' {
        $result = Get-Item -LiteralPath $spaced | Invoke-BankcardRecognition -ErrorAction Stop
        $result.Source | Should -Be $spaced
    }

    It 'binds Resolve-Path output, also for a name with [ ]' {
        $results = Resolve-Path -LiteralPath $plain, $bracketed | Invoke-BankcardRecognition -Ordered -ErrorAction Stop
        $results.Source | Should -Be @($plain, $bracketed)
    }

    It 'binds a relative path string by value from the current location' {
        Push-Location -LiteralPath (Join-Path $folder 'sub folder')
        try {
            $result = 'my card.png' | Invoke-BankcardRecognition -ErrorAction Stop
        }
        finally {
            Pop-Location
        }
        $result.Source | Should -Be $spaced
    }

    It 'expands wildcards in path strings' {
        $results = (Join-Path $folder 'card?.png') | Invoke-BankcardRecognition -Ordered -ErrorAction Stop
        $results.Source | Should -Be @($plain, $second)
    }

    It 'takes a name with [ ] literally through -LiteralPath' {
        $result = Invoke-BankcardRecognition -LiteralPath $bracketed -ErrorAction Stop
        $result.Source | Should -Be $bracketed
    }

    It 'reports a path string that matches nothing with the path as TargetObject' {
        $missing = Join-Path $folder 'missing.png'
        $results = $missing, $plain | Invoke-BankcardRecognition -ErrorVariable failed -ErrorAction SilentlyContinue
        $results.Source | Should -Be $plain
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ImageNotFound*'
        $failed[0].TargetObject | Should -Be $missing
    }

    It 'binds Import-Csv rows by their <Column> column' -ForEach @(
        @{ Column = 'Path' }
        @{ Column = 'LiteralPath' }
    ) {
        $csv = Join-Path $folder "$Column.csv"
        @($plain, $bracketed) | ForEach-Object { [pscustomobject]@{ $Column = $_; Note = 'x' } } | Export-Csv -LiteralPath $csv -NoTypeInformation
        $results = Import-Csv -LiteralPath $csv | Invoke-BankcardRecognition -Ordered -ErrorAction Stop
        $results.Source | Should -Be @($plain, $bracketed)
    }

    It 'binds Import-Csv rows by their <Column> column as URLs' -ForEach @(
        @{ Column = 'Uri' }
        @{ Column = 'Url' }
    ) {
        $url = Publish-TestImage -Emulator $emulator -Path $second -Name "csv-$Column.png"
        $csv = Join-Path $folder "$Column.csv"
        [pscustomobject]@{ $Column = $url } | Export-Csv -LiteralPath $csv -NoTypeInformation
        $result = Import-Csv -LiteralPath $csv | Invoke-BankcardRecognition -ErrorAction Stop
        $result.Source | Should -Be $url
    }

    It 'binds [pscustomobject]@{ Uri = ... } by its Uri, not as the text of the object' {
        $url = Publish-TestImage -Emulator $emulator -Path $plain -Name 'object-uri.png'
        $result = [pscustomobject]@{ Uri = $url } | Invoke-BankcardRecognition -ErrorAction Stop
        $result.Source | Should -Be $url
    }

    It 'binds [pscustomobject]@{ Uri = [uri] ... } whose Uri is already a Uri' {
        $url = Publish-TestImage -Emulator $emulator -Path $plain -Name 'typed-uri.png'
        $result = [pscustomobject]@{ Uri = [uri]$url } | Invoke-BankcardRecognition -ErrorAction Stop
        $result.Source | Should -Be $url
    }

    It 'binds objects carrying Image bytes and Name, Source being the Name' {
        $results = @(
            [pscustomobject]@{ Image = [System.IO.File]::ReadAllBytes($plain); Name = 'front.png' }
            [pscustomobject]@{ Image = [System.IO.File]::ReadAllBytes($second); Name = 'back.png' }
        ) | Invoke-BankcardRecognition -Ordered -ErrorAction Stop
        $results.Source | Should -Be @('front.png', 'back.png')
    }

    It 'labels piped Image bytes without a Name image1, image2' {
        $results = @(
            [pscustomobject]@{ Image = [System.IO.File]::ReadAllBytes($plain) }
            [pscustomobject]@{ Image = [System.IO.File]::ReadAllBytes($second) }
        ) | Invoke-BankcardRecognition -Ordered -ErrorAction Stop
        $results.Source | Should -Be @('image1', 'image2')
    }

    It 'refuses -Name given with -LiteralPath, as files are labelled by their path' {
        { Invoke-BankcardRecognition -LiteralPath $plain -Name 'label' -ErrorAction Stop } | Should -Throw -ErrorId 'NameWithoutImage*'
    }

    It 'refuses -Name given with -Path or a positional path with its own message, in either order' -ForEach @(
        @{ Call = { Invoke-BankcardRecognition -Path $plain -Name 'label' -ErrorAction Stop } }
        @{ Call = { Invoke-BankcardRecognition $plain -Name 'label' -ErrorAction Stop } }
        @{ Call = { Invoke-BankcardRecognition -Name 'label' $plain -ErrorAction Stop } }
        @{ Call = { Invoke-BankcardRecognition -Uri 'https://example.com/a.jpg' -Name 'label' -ErrorAction Stop } }
    ) {
        $Call | Should -Throw -ErrorId 'NameWithoutImage*' -ExpectedMessage '-Name labels -Image bytes only*'
    }

    It 'binds a [System.IO.FileInfo] made by hand, which has no PSPath' {
        $result = [System.IO.FileInfo]$bracketed | Invoke-BankcardRecognition -ErrorAction Stop
        $result.Source | Should -Be $bracketed
    }

    It 'refuses an object with none of the input properties with a binding error' {
        { [pscustomobject]@{ File = $plain } | Invoke-BankcardRecognition -ErrorAction Stop } |
            Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
    }
}

Describe 'Pipeline results as users keep them' {
    It 'round-trips Get-ChildItem results through Export-Csv and Import-Csv with every column' {
        $results = Get-ChildItem -LiteralPath $folder -Filter 'card?.png' | Invoke-BankcardRecognition -Ordered -ErrorAction Stop
        $csv = Join-Path $folder 'results.csv'
        $results | Export-Csv -LiteralPath $csv -NoTypeInformation -Encoding utf8
        $rows = Import-Csv -LiteralPath $csv
        $rows.Count | Should -Be 2
        $rows.Source | Should -Be $results.Source
        $rows.CardNumber | Should -Be $results.CardNumber
        $rows.BankName | Should -Be $results.BankName
        ($rows[0].PSObject.Properties.Name) | Should -Be ($results[0].PSObject.Properties.Name)
        (Get-Content -LiteralPath $csv -Raw) | Should -Not -Match 'System\.[A-Z]'
    }

    It 'round-trips results through ConvertTo-Json and ConvertFrom-Json' {
        $results = Get-ChildItem -LiteralPath $folder -Filter 'card?.png' | Invoke-BankcardRecognition -Ordered -ErrorAction Stop
        $back = $results | ConvertTo-Json -Depth 4 | ConvertFrom-Json
        $back.Source | Should -Be $results.Source
        $back.CardNumber | Should -Be $results.CardNumber
        $back.Provider | Should -Be $results.Provider
    }

    It 'shows piped results in a default table that fits 80 columns and masks the number' {
        $results = Get-ChildItem -LiteralPath $folder -Filter 'card?.png' | Invoke-BankcardRecognition -Ordered -ErrorAction Stop
        $lines = ($results | Out-String -Width 80 -Stream) | Where-Object { $_ }
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        ($lines -join "`n") | Should -Not -Match $results[0].CardNumber
        ($lines -join "`n") | Should -Match 'card1\.png'
    }
}
