#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }
# When an authentication failure ends Invoke-BankcardRecognition (issue 19, item 5): the first one before any request
# was accepted (wrong keys or clock), or the third image in a row refused after requests were accepted (keys revoked
# or the clock jumped mid-batch). One image refused among accepted ones is that image's error. The emulator is told
# to refuse particular images (/_emulator/imagefaults) while answering every other request normally.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSupport.ps1')
    Import-Module -Name (Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1') -Force
    $script:emulator = Start-TestEmulator
    $script:folder = Join-Path ([System.IO.Path]::GetTempPath()) ("bankcardocr-auth-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $folder
    $script:files = 1..24 | ForEach-Object { New-TestPng -Path (Join-Path $folder ('card{0:00}.png' -f $_)) -Tag "auth$_" }


    function Set-ImageFault {
        # The next -Times requests carrying this file's bytes are answered with the vendor error -Code.
        param([string] $Path, [string] $Code, [int] $Times = 1)
        Add-TestEmulatorImageFault $emulator -Path $Path -Fault @{ kind = 'VendorError'; code = $Code } -Times $Times
    }
}

AfterAll {
    Stop-TestEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'One image refused among accepted requests' {
    BeforeEach { Reset-TestEmulatorStats $emulator }

    It 'is that image''s own error under <Name>, and every other image gets its result' -ForEach @(
        @{ Name = 'Tencent'; Api = 'Tencent'; Code = 'AuthFailure.SignatureExpire'; Times = 2; Requests = 25
            Splat = { @{ Provider = 'Tencent'; Credential = $emulator.Credential } } }
        @{ Name = 'TencentLegacy'; Api = 'TencentLegacy'; Code = '9'; Times = 2; Requests = 25
            Splat = { @{ Provider = 'TencentLegacy'; Credential = $emulator.Credential; AppId = $emulator.AppId } } }
        @{ Name = 'Huawei AK/SK'; Api = 'HuaweiOcr'; Code = 'APIG.0301'; Times = 1; Requests = 24
            Splat = { @{ Provider = 'Huawei'; Credential = $emulator.HuaweiKeys; ProjectId = $emulator.HuaweiProjectId } } }
    ) {
        # Image 9 starts only after a worker has finished an earlier image (ThrottleLimit 4), so the call's
        # credentials have been accepted by then. An expired signature is refused again on its freshly signed retry.
        Set-ImageFault -Path $files[9] -Code $Code -Times $Times
        $splat = & $Splat
        $results = @($files | Invoke-BankcardRecognition @splat -Endpoint $emulator.Endpoint -ThrottleLimit 4 -MaxRequestsPerSecond 0 -ErrorVariable failed -ErrorAction SilentlyContinue)

        $results.Count | Should -Be 23
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
        $failed[0].TargetObject | Should -Be $files[9]
        $failed[0].Exception.ProviderCode | Should -Be $Code
        (Get-TestEmulatorStats $emulator).requests.$Api | Should -Be $Requests
    }
}

Describe 'Keys that stop working in the middle of a call' {
    BeforeEach {
        Reset-TestEmulatorStats $emulator
        # Images 0-3 are accepted; from image 4 on, every image is refused, as when the key is deleted mid-batch.
        $files[4..23] | ForEach-Object { Set-ImageFault -Path $_ -Code 'AuthFailure.SecretIdNotFound' }
    }

    It 'end the call with one terminating AuthenticationFailed at the third image in a row refused (-ThrottleLimit <Throttle>)' -ForEach @(
        @{ Throttle = 1 }
        @{ Throttle = 4 }
    ) {
        $caught = $null
        try {
            # -OutVariable keeps what was written before the call ended.
            $null = $files | Invoke-BankcardRecognition -Provider Tencent -Credential $emulator.Credential -Endpoint $emulator.Endpoint -ThrottleLimit $Throttle -MaxRequestsPerSecond 0 -OutVariable results -ErrorVariable perImage -ErrorAction SilentlyContinue
        }
        catch {
            $caught = $_
        }

        $caught | Should -Not -BeNullOrEmpty -Because 'keys refused for every request must end the call'
        $caught.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
        $caught.Exception.Message | Should -Match '3 images in a row'
        $results.Count | Should -Be 4 -Because 'the results already in are written before the call ends'
        $refused = @($perImage | Where-Object { $_.FullyQualifiedErrorId -like 'AuthenticationFailed*' })
        $requests = (Get-TestEmulatorStats $emulator).requests.Tencent
        if ($Throttle -eq 1) {
            # One at a time: images 4 and 5 are their own errors, image 6 ends the call, and nothing more is sent.
            $refused.Count | Should -Be 2
            $refused.TargetObject | Should -Be $files[4..5]
            $caught.TargetObject | Should -Be $files[6]
            $requests | Should -Be 7
        }
        else {
            # Four at a time, answers arrive in any order: an acceptance that lands between two refusals restarts the
            # count, so more than two images may end as their own errors; each is a faulted image, and sending stops.
            $refused.TargetObject | ForEach-Object { $files.IndexOf($_) | Should -BeGreaterOrEqual 4 }
            $refused.Count | Should -BeLessThan $requests
            $requests | Should -BeLessThan 24
        }
    }
}
