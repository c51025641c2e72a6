#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }
# The user information of a URL (user:password@) is a secret (issue 19, item 1): it appears in no stream, no result
# property or CSV column, and no part of an error record (message, ErrorDetails, TargetObject, CategoryInfo, the
# exception's ToString, InvocationInfo's bound parameters, Get-Error's and the error views' rendering), for every
# provider and every way a URL can fail or succeed. The URLs are held in variables: a URL typed into the command line
# is shown back by PowerShell itself (InvocationInfo.Line), which no module can change.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSupport.ps1')
    Import-Module -Name (Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1') -Force
    $script:emulator = Start-TestEmulator
    $script:folder = Join-Path ([System.IO.Path]::GetTempPath()) ("bankcardocr-urlinfo-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $folder
    $image = New-TestPng -Path (Join-Path $folder 'card.png') -Tag 'url-user-info'
    $published = [uri](Publish-TestImage -Emulator $emulator -Path $image)
    # The emulator serves its own images whatever the user information says.
    $script:goodUrl = '{0}://admin:S3cretPw@{1}:{2}{3}' -f $published.Scheme, $published.Host, $published.Port, $published.AbsolutePath
    $script:missingUrl = '{0}://admin:S3cretPw@{1}:{2}/images/missing.png' -f $published.Scheme, $published.Host, $published.Port
    $script:providers = @{
        Tencent       = @{ Provider = 'Tencent'; Credential = $emulator.Credential; Endpoint = $emulator.Endpoint; MaxRequestsPerSecond = 0 }
        TencentLegacy = @{ Provider = 'TencentLegacy'; Credential = $emulator.Credential; AppId = $emulator.AppId; Endpoint = $emulator.Endpoint; MaxRequestsPerSecond = 0 }
        Huawei        = @{ Provider = 'Huawei'; Credential = $emulator.HuaweiKeys; ProjectId = $emulator.HuaweiProjectId; Endpoint = $emulator.Endpoint }
        Local         = @{ Provider = 'Local' }
    }

    function Get-Everything {
        # Runs the call with Verbose and Debug on and returns, as one text, every stream, every output object as a
        # view, a list, CSV and JSON, and every error record taken apart and rendered as users would see it.
        param([scriptblock] $Call)
        # Non-terminating errors stay non-terminating, whatever the test runner set for the run.
        $ErrorActionPreference = 'Continue'
        $VerbosePreference = 'Continue'
        $DebugPreference = 'Continue'
        $WarningPreference = 'Continue'
        $terminating = $null
        $stream = try { & $Call *>&1 } catch { $terminating = $_ }
        $records = @($stream | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) + @($terminating | Where-Object { $_ })
        $objects = @($stream | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] -and $_ -isnot [System.Management.Automation.InformationalRecord] })
        $texts = [System.Collections.Generic.List[string]]::new()
        $stream | Where-Object { $_ -is [System.Management.Automation.InformationalRecord] } | ForEach-Object { $texts.Add($_.Message) }
        foreach ($object in $objects) {
            $texts.Add(($object | Out-String -Width 400))
            $texts.Add(($object | Format-List * -Force | Out-String -Width 400))
            $texts.Add(($object | ConvertTo-Csv -NoTypeInformation | Out-String))
            $texts.Add(($object | ConvertTo-Json -Depth 3))
        }

        foreach ($record in $records) {
            $texts.Add(($record | Format-List * -Force | Out-String -Width 400))
            $texts.Add([string]$record.TargetObject)
            $texts.Add($record.CategoryInfo.ToString())
            $texts.Add($record.CategoryInfo.GetMessage())
            $texts.Add($record.FullyQualifiedErrorId)
            $texts.Add([string]$record.ErrorDetails)
            $texts.Add($record.Exception.ToString())
            $texts.Add(($record.InvocationInfo.BoundParameters | Out-String -Width 400))
            $texts.Add(($record.InvocationInfo.BoundParameters.Values | ForEach-Object { $_ } | Out-String -Width 400))
            $texts.Add(($record | Get-Error | Out-String -Width 400))
            foreach ($view in 'ConciseView', 'NormalView', 'DetailedView') {
                $ErrorView = $view
                $texts.Add(($record | Out-String -Width 400))
            }
        }

        [pscustomobject]@{ Text = $texts -join "`n"; Objects = $objects; Errors = $records; Terminating = $terminating }
    }
}

AfterAll {
    Stop-TestEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A URL''s user information' {
    It 'is nowhere in a result or its streams under <Name>, and Source keeps the URL without it' -ForEach @(
        @{ Name = 'Tencent' }, @{ Name = 'TencentLegacy' }, @{ Name = 'Huawei' }
    ) {
        $splat = $providers[$Name]
        $seen = Get-Everything { Invoke-BankcardRecognition -Uri $goodUrl @splat }
        $seen.Errors | Should -BeNullOrEmpty
        $seen.Objects.Count | Should -Be 1
        $seen.Objects[0].Source | Should -Be ($goodUrl -replace 'admin:S3cretPw@', '')
        $seen.Text | Should -Not -Match 'S3cretPw|admin:'
    }

    It 'is nowhere in the error of a URL that fails under <Name>' -ForEach @(
        @{ Name = 'Tencent' }, @{ Name = 'TencentLegacy' }, @{ Name = 'Huawei' }, @{ Name = 'Local' }
    ) {
        $splat = $providers[$Name]
        $seen = Get-Everything { Invoke-BankcardRecognition -Uri $missingUrl @splat }
        $seen.Errors.Count | Should -BeGreaterThan 0
        $seen.Text | Should -Match ([regex]::Escape(($missingUrl -replace 'admin:S3cretPw@', ''))) -Because 'the error still names the URL'
        $seen.Text | Should -Not -Match 'S3cretPw|admin:'
    }

    It 'is nowhere in the InvalidUri error of <Url> under <Name>' -ForEach @(
        foreach ($name in 'Tencent', 'Local') {
            foreach ($url in 'ftp://admin:S3cretPw@host/x.jpg', 'file://admin:S3cretPw@host/etc/passwd', '//admin:S3cretPw@host/x.jpg') {
                @{ Name = $name; Url = $url }
            }
        }
    ) {
        $splat = $providers[$Name]
        $given = $Url
        $seen = Get-Everything { Invoke-BankcardRecognition -Uri $given @splat }
        $seen.Errors.Count | Should -Be 1
        $seen.Errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidUri,*'
        $seen.Errors[0].TargetObject | Should -BeOfType [uri]
        $seen.Text | Should -Not -Match 'S3cretPw|admin:'
    }

    It 'is nowhere when the call ends before any image (a terminating error)' {
        $seen = Get-Everything { Invoke-BankcardRecognition -Uri $goodUrl -Provider Tencent -Credential $emulator.Credential -Endpoint $emulator.Endpoint -AppId 1 }
        $seen.Terminating.FullyQualifiedErrorId | Should -BeLike 'ParameterNotForProvider*'
        $seen.Text | Should -Not -Match 'S3cretPw|admin:'
    }

    It 'is nowhere in the InsecureEndpoint error of an endpoint that carries it (<Name>)' -ForEach @(
        @{ Name = '-Endpoint'; Call = { Invoke-BankcardRecognition -Uri $goodUrl -Provider Tencent -Credential $emulator.Credential -Endpoint $endpoint } }
        @{ Name = '-IamEndpoint'; Call = { Invoke-BankcardRecognition -Uri $goodUrl -Provider Huawei -Credential $emulator.HuaweiKeys -IamEndpoint $endpoint } }
        @{ Name = 'Get-HuaweiIamToken -Endpoint'; Call = { Get-HuaweiIamToken -Credential $emulator.HuaweiUser -DomainName $emulator.HuaweiDomain -Endpoint $endpoint } }
    ) {
        $endpoint = 'https://admin:S3cretPw@ocr.example.com/'
        $seen = Get-Everything $Call
        $seen.Terminating.FullyQualifiedErrorId | Should -BeLike 'InsecureEndpoint*'
        $seen.Text | Should -Not -Match 'S3cretPw|admin:'
    }

    It 'is nowhere for URLs piped from CSV rows, and not in the CSV written' {
        $csv = Join-Path $folder 'urls.csv'
        $out = Join-Path $folder 'cards.csv'
        [pscustomobject]@{ Uri = $goodUrl }, [pscustomobject]@{ Uri = $missingUrl } | Export-Csv -LiteralPath $csv -NoTypeInformation
        $tencent = $providers.Tencent
        $seen = Get-Everything { Import-Csv -LiteralPath $csv | Invoke-BankcardRecognition @tencent | Export-Csv -LiteralPath $out -NoTypeInformation }
        $seen.Errors.Count | Should -Be 1
        $seen.Text | Should -Not -Match 'S3cretPw|admin:'
        $written = Get-Content -LiteralPath $out -Raw
        $written | Should -Match ([regex]::Escape(($goodUrl -replace 'admin:S3cretPw@', '')))
        $written | Should -Not -Match 'S3cretPw|admin:'
    }
}
