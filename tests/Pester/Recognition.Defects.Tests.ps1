#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }
# Invoke-BankcardRecognition defects found by a trial in real pwsh (issue 9, item 4): each test fails on the
# code before its fix. The emulator runs as a child process and counts what reaches it (/_emulator/stats).

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSupport.ps1')
    Import-Module -Name (Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1') -Force
    $script:emulator = Start-TestEmulator
    $script:folder = Join-Path ([System.IO.Path]::GetTempPath()) ("bankcardocr-defects-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $folder
    $script:files = 1..40 | ForEach-Object { New-TestPng -Path (Join-Path $folder ('card{0:00}.png' -f $_)) -Tag "defect$_" }
    $wrongKey = ConvertTo-SecureString -String 'wrongSecretKey000000000000000000' -AsPlainText -Force
    $script:wrongTencent = [pscredential]::new($emulator.Credential.UserName, $wrongKey)
    $script:wrongHuawei = [pscredential]::new($emulator.HuaweiKeys.UserName, $wrongKey)
    $script:wrongUser = [pscredential]::new($emulator.HuaweiUser.UserName, $wrongKey)
    $script:tencent = @{ Provider = 'Tencent'; Credential = $emulator.Credential; Endpoint = $emulator.Endpoint; MaxRequestsPerSecond = 0 }

}

AfterAll {
    Stop-TestEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Provider names' {
    It 'accepts -Provider <Name> in any case' -ForEach @(@{ Name = 'tencent' }, @{ Name = 'TENCENT' }, @{ Name = 'tEnCeNt' }) {
        $result = Invoke-BankcardRecognition -LiteralPath $files[0] -Provider $Name -Credential $emulator.Credential -Endpoint $emulator.Endpoint
        $result.Provider | Should -BeExactly 'Tencent'
    }

    It 'accepts a lower-case provider from $PSDefaultParameterValues' {
        $PSDefaultParameterValues['Invoke-BankcardRecognition:Provider'] = 'tencentlegacy'
        try {
            $result = Invoke-BankcardRecognition -LiteralPath $files[0] -Credential $emulator.Credential -Endpoint $emulator.Endpoint -AppId $emulator.AppId
            $result.Provider | Should -BeExactly 'TencentLegacy'
        }
        finally {
            $PSDefaultParameterValues.Remove('Invoke-BankcardRecognition:Provider')
        }
    }
}

Describe 'Credential precedence' {
    It 'uses an explicit -Credential although $PSDefaultParameterValues names a secret' {
        # Without SecretManagement, reading the secret would end the call: proof that it is not read at all.
        $PSDefaultParameterValues['Invoke-BankcardRecognition:SecretName'] = 'no-such-secret'
        try {
            $result = Invoke-BankcardRecognition -LiteralPath $files[0] @tencent -ErrorAction Stop
            $result.Provider | Should -Be 'Tencent'
        }
        finally {
            $PSDefaultParameterValues.Remove('Invoke-BankcardRecognition:SecretName')
        }
    }
}

Describe 'Wrong keys end the call' {
    BeforeEach { Reset-TestEmulatorStats $emulator }

    It 'stops <Name> after the requests in flight, with one terminating AuthenticationFailed' -ForEach @(
        @{ Name = 'Tencent'; Api = 'Tencent'; Splat = { @{ Provider = 'Tencent'; Credential = $wrongTencent } } }
        @{ Name = 'TencentLegacy'; Api = 'TencentLegacy'; Splat = { @{ Provider = 'TencentLegacy'; Credential = $wrongTencent; AppId = $emulator.AppId } } }
        @{ Name = 'Huawei AK/SK'; Api = 'HuaweiOcr'; Splat = { @{ Provider = 'Huawei'; Credential = $wrongHuawei; ProjectId = $emulator.HuaweiProjectId } } }
        @{ Name = 'Huawei token'; Api = 'HuaweiOcr'; Splat = {
                # A token IAM never issued: built through the internal constructor, as no public way makes a bad one.
                $ctor = [BankcardOcr.HuaweiIamToken].GetConstructors([System.Reflection.BindingFlags]'NonPublic,Instance')[0]
                $bogus = $ctor.Invoke(@('not-a-token', 'cn-north-4', $emulator.HuaweiProjectId, 'cn-north-4', 'u', 'd', [DateTimeOffset]::UtcNow, [DateTimeOffset]::UtcNow.AddHours(1), [uri]$emulator.Endpoint))
                @{ Token = $bogus }
            }
        }
    ) {
        $splat = & $Splat
        $caught = $null
        $results = @()
        try {
            $results = @($files | Invoke-BankcardRecognition @splat -Endpoint $emulator.Endpoint -ThrottleLimit 4 -MaxRequestsPerSecond 0 -ErrorVariable perImage -ErrorAction SilentlyContinue)
        }
        catch {
            $caught = $_
        }

        $caught | Should -Not -BeNullOrEmpty -Because 'wrong keys must end the call'
        $caught.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed*'
        @($perImage | Where-Object { $_.FullyQualifiedErrorId -like 'AuthenticationFailed*' }).Count | Should -BeLessOrEqual 1
        $results.Count | Should -Be 0
        $stats = Get-TestEmulatorStats $emulator
        $stats.requests.$Api | Should -BeGreaterThan 0
        $stats.requests.$Api | Should -BeLessOrEqual 8 -Because 'at most the requests in flight (ThrottleLimit 4) may reach the service'
    }

    It 'gives AK/SK advice, not DomainName advice, when IAM refuses an access key' {
        # Without -ProjectId the module looks the project up with the keys first; IAM refuses them there.
        { Invoke-BankcardRecognition -LiteralPath $files[0] -Provider Huawei -Credential $wrongHuawei -Endpoint $emulator.Endpoint -IamEndpoint $emulator.Endpoint -ErrorAction Stop } |
            Should -Throw -ErrorId 'AuthenticationFailed*' -PassThru |
            ForEach-Object { $_.Exception.Message | Should -Not -Match 'DomainName' }
        (Get-TestEmulatorStats $emulator).requests.HuaweiOcr | Should -Be 0
    }

    It 'sends no image when the Huawei password is wrong' {
        { $files | Invoke-BankcardRecognition -Provider Huawei -Credential $wrongUser -Endpoint $emulator.Endpoint -IamEndpoint $emulator.Endpoint -ErrorAction Stop } |
            Should -Throw
        (Get-TestEmulatorStats $emulator).requests.HuaweiOcr | Should -Be 0
    }
}

Describe 'Per-image errors' {
    It 'names the failed image in the ConciseView message and keeps the input as TargetObject' {
        $bad = Join-Path $folder 'notes.png'
        [System.IO.File]::WriteAllText($bad, 'not an image')
        $null = Invoke-BankcardRecognition -LiteralPath $bad, $files[3] @tencent -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $ErrorView = 'ConciseView'
        $shown = $failed[0] | Out-String -Width 300
        $shown | Should -Match ([regex]::Escape('notes.png'))
        $failed[0].TargetObject | Should -Be $bad
    }

    It 'names the URL of a failed -Uri input' {
        $uri = $emulator.Endpoint + 'images/missing.png'
        $null = Invoke-BankcardRecognition -Uri $uri @tencent -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $ErrorView = 'ConciseView'
        ($failed[0] | Out-String -Width 300) | Should -Match ([regex]::Escape($uri))
    }

    It 'classifies an empty-body HTTP 503 as a retryable ProviderError, naming the image in the Verbose retry line' {
        1..3 | ForEach-Object { Add-TestEmulatorFault $emulator -Api Tencent -Fault @{ kind = 'ServerError'; statusCode = 503; emptyBody = $true } }
        $null = Invoke-BankcardRecognition -LiteralPath $files[1] @tencent -MaxRetries 2 -ErrorVariable failed -ErrorAction SilentlyContinue -Verbose 4>&1 |
            Tee-Object -Variable stream
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ProviderError*'
        $failed[0].Exception.IsRetryable | Should -BeTrue
        $failed[0].Exception.HttpStatusCode | Should -Be 503
        $retries = @($stream | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'retrying' })
        $retries.Count | Should -Be 2
        $retries | ForEach-Object { $_.Message | Should -Match ([regex]::Escape((Split-Path $files[1] -Leaf))) }
    }

    It 'hints at -Endpoint when a wrong -Endpoint path gives HTTP 404' {
        $null = Invoke-BankcardRecognition -LiteralPath $files[2] @tencent -Endpoint ($emulator.Endpoint + 'wrong/path/') -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].Exception.HttpStatusCode | Should -Be 404
        $failed[0].Exception.Message | Should -Match '-Endpoint'
    }
}

Describe 'Parameters of another provider' {
    It 'refuses <Parameter> with <Provider>' -ForEach @(
        @{ Provider = 'Huawei'; Parameter = 'DetectCopy'; Value = $true }
        @{ Provider = 'Huawei'; Parameter = 'UseBase64'; Value = $true }
        @{ Provider = 'Tencent'; Parameter = 'IncludeTextLocation'; Value = $true }
        @{ Provider = 'Tencent'; Parameter = 'AppId'; Value = '1250000000' }
        @{ Provider = 'TencentLegacy'; Parameter = 'DetectReshoot'; Value = $true }
    ) {
        $extra = @{ $Parameter = $Value }
        { Invoke-BankcardRecognition -LiteralPath $files[0] -Provider $Provider -Credential $emulator.Credential -Endpoint $emulator.Endpoint @extra -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterNotForProvider*' -ExpectedMessage "*-$Parameter*"
    }

    It 'refuses -Token with Tencent' {
        $token = Get-HuaweiIamToken -Credential $emulator.HuaweiUser -DomainName $emulator.HuaweiDomain -Endpoint $emulator.Endpoint
        { Invoke-BankcardRecognition -LiteralPath $files[0] -Provider Tencent -Token $token -Credential $emulator.Credential -Endpoint $emulator.Endpoint -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterNotForProvider*'
    }

    It 'lets a switch of another provider through when it is explicitly off' {
        $result = Invoke-BankcardRecognition -LiteralPath $files[0] @tencent -UseBase64:$false
        $result.Provider | Should -Be 'Tencent'
    }
}

Describe 'Progress' {
    It 'gives total, percent and time remaining, and never more in flight than -ThrottleLimit' {
        # Progress records cannot be redirected in pwsh, so the call runs in a nested PowerShell of this
        # process, whose Streams.Progress keeps them.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript('param($Module, $Pattern, $Splat) Import-Module $Module; $ProgressPreference = "Continue"; Invoke-BankcardRecognition -Path $Pattern @Splat -ThrottleLimit 2').
                AddArgument((Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1')).
                AddArgument((Join-Path $folder 'card*.png')).
                AddArgument($tencent)
            $results = $ps.Invoke()
            $results.Count | Should -Be 40
            $progress = @($ps.Streams.Progress | Where-Object RecordType -EQ 'Processing')
            $progress.Count | Should -BeGreaterThan 0
            $progress | ForEach-Object { $_.StatusDescription | Should -Match ' of 40 images, [0-2] in flight' }
            $progress | Where-Object PercentComplete -GT 0 | Should -Not -BeNullOrEmpty
            $progress | Where-Object SecondsRemaining -GE 0 | Should -Not -BeNullOrEmpty
            @($ps.Streams.Progress)[-1].RecordType | Should -Be 'Completed'
        }
        finally {
            $ps.Dispose()
        }
    }
}

Describe '-ReturnCardImage' {
    It 'keeps the crops of two inputs with the same file name apart' {
        $crops = Join-Path $folder 'crops'
        $null = New-Item -ItemType Directory -Path (Join-Path $folder 'a'), (Join-Path $folder 'b'), $crops -Force
        $first = New-TestPng -Path (Join-Path $folder 'a/card.png') -Tag 'same-name-a'
        $second = New-TestPng -Path (Join-Path $folder 'b/card.png') -Tag 'same-name-b'
        $results = Invoke-BankcardRecognition -LiteralPath $first, $second @tencent -ReturnCardImage -ImageFolder $crops -Ordered
        $results.Count | Should -Be 2
        $paths = $results.BorderCutImagePath
        ($paths | Sort-Object -Unique).Count | Should -Be 2
        # The emulator returns the input as the crop, so each saved file must hold its own input's bytes.
        [System.IO.File]::ReadAllBytes($paths[0]) | Should -Be ([System.IO.File]::ReadAllBytes($first))
        [System.IO.File]::ReadAllBytes($paths[1]) | Should -Be ([System.IO.File]::ReadAllBytes($second))
        # The extension follows the format returned (PNG here; Tencent's own crops are JPEG).
        $paths | ForEach-Object { [System.IO.Path]::GetExtension($_) | Should -Be '.png' }
    }

    It 'refuses -ReturnCardImage without -ImageFolder instead of dropping the crop' {
        { Invoke-BankcardRecognition -LiteralPath $files[0] @tencent -ReturnCardImage -ErrorAction Stop } |
            Should -Throw -ErrorId 'ImageFolderRequired*' -ExpectedMessage '*-ImageFolder*'
    }
}
