#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }
# Words that misled a new user (issue 19, item 4): the manifest's description, an empty file, a URL given as a path,
# and what SecretManagement needs. (The documented tables are checked by DocumentedExamples.Tests.ps1.)

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSupport.ps1')
    $script:manifest = Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1'
    Import-Module -Name $manifest -Force
    $script:emulator = Start-TestEmulator
    $script:folder = Join-Path ([System.IO.Path]::GetTempPath()) ("bankcardocr-wording-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $folder
    $script:empty = Join-Path $folder 'empty.jpg'
    [System.IO.File]::WriteAllBytes($empty, [byte[]]@())
    $script:providers = @{
        Local         = @{ Provider = 'Local' }
        Tencent       = @{ Provider = 'Tencent'; Credential = $emulator.Credential; Endpoint = $emulator.Endpoint }
        TencentLegacy = @{ Provider = 'TencentLegacy'; Credential = $emulator.Credential; AppId = $emulator.AppId; Endpoint = $emulator.Endpoint }
        Huawei        = @{ Provider = 'Huawei'; Credential = $emulator.HuaweiKeys; ProjectId = $emulator.HuaweiProjectId; Endpoint = $emulator.Endpoint }
    }
}

AfterAll {
    Stop-TestEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'What the module says' {
    It 'describes itself as offline by default, with the cloud services as the other choice' {
        foreach ($description in (Import-PowerShellDataFile -LiteralPath $manifest).Description, (Get-Module BankcardOcr).Description) {
            $description | Should -Match 'offline on the machine by default'
            $description | Should -Match 'Tencent Cloud and Huawei Cloud'
        }
    }

    It 'says that a zero-byte file is empty, under <Name>, without a request' -ForEach @(
        @{ Name = 'Local' }, @{ Name = 'Tencent' }, @{ Name = 'TencentLegacy' }, @{ Name = 'Huawei' }
    ) {
        $splat = $providers[$Name]
        Reset-TestEmulatorStats $emulator
        $null = Invoke-BankcardRecognition -LiteralPath $empty @splat -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'UnsupportedImageFormat,*'
        $failed[0].Exception.Message | Should -Match 'is empty \(0 bytes\)'
        $failed[0].TargetObject | Should -Be $empty
        $stats = Get-TestEmulatorStats $emulator
        $stats.requests.Tencent + $stats.requests.TencentLegacy + $stats.requests.HuaweiOcr | Should -Be 0
    }

    It 'says to use -Uri for an http(s) URL given as a path (<How>)' -ForEach @(
        @{ How = '-Path'; Call = { param($u) Invoke-BankcardRecognition -Path $u -Provider Local } }
        @{ How = 'a positional path'; Call = { param($u) Invoke-BankcardRecognition $u -Provider Local } }
        @{ How = 'a piped string'; Call = { param($u) $u | Invoke-BankcardRecognition -Provider Local } }
        @{ How = '-LiteralPath'; Call = { param($u) Invoke-BankcardRecognition -LiteralPath $u -Provider Local } }
    ) {
        $url = 'https://admin:S3cretPw@example.com/card.jpg'
        # The test runner sets 'Stop' for the whole run; here the non-terminating error is what is looked at.
        $ErrorActionPreference = 'Continue'
        $failed = @(& $Call $url 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ImageNotFound,*'
        $failed[0].Exception.Message | Should -Match "'https://example.com/card.jpg' is a URL, not a file; pass URLs with -Uri"
        $failed[0].TargetObject | Should -Be 'https://example.com/card.jpg'
        ($failed[0] | Out-String) | Should -Not -Match 'S3cretPw'
    }

    It 'says that a vault extension such as SecretStore is needed as well as SecretManagement (<Command>)' -ForEach @(
        @{ Command = 'Invoke-BankcardRecognition'; Call = { Invoke-BankcardRecognition -LiteralPath $empty -Provider Tencent -SecretName TencentOcr -ErrorAction Stop } }
        @{ Command = 'Set-BankcardOcrSecret'; Call = { Set-BankcardOcrSecret -Name TencentOcr -Provider Tencent -Credential $emulator.Credential -ErrorAction Stop } }
    ) {
        if (Get-Module -ListAvailable -Name Microsoft.PowerShell.SecretManagement) {
            Set-ItResult -Skipped -Because 'SecretManagement is installed on this machine'
            return
        }

        $Call | Should -Throw -ErrorId 'SecretManagementNotAvailable*' -PassThru | ForEach-Object {
            $_.Exception.Message | Should -Match 'Microsoft\.PowerShell\.SecretManagement'
            $_.Exception.Message | Should -Match 'vault extension'
            $_.Exception.Message | Should -Match 'Microsoft\.PowerShell\.SecretStore'
        }
    }
}
