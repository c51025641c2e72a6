#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }
# The small version of bench/ProviderBench's soak (docs/reliability.md), through Invoke-BankcardRecognition in pwsh:
# the emulator answers 20 % of requests with a mixed fault (slow bodies past the 1 s timeout, bodies cut off mid-JSON,
# resets after the headers, 429 with and without Retry-After, gateway pages, dropped connections, expired signatures),
# and one image meets an expired signature on its freshly signed retry too, as in the trial of issue 19. Every input
# must come out exactly once, as a result or an error, and the call must not end early.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSupport.ps1')
    Import-Module -Name (Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1') -Force
    $script:emulator = Start-TestEmulator
    $script:folder = Join-Path ([System.IO.Path]::GetTempPath()) ("bankcardocr-soak-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $folder
    $script:files = 1..300 | ForEach-Object { New-TestPng -Path (Join-Path $folder ('card{0:000}.png' -f $_)) -Tag "soak$_" }

    function Set-EmulatorFaults {
        param($Plan)
        Set-TestEmulatorSettings $emulator -Latency '00:00:00.020' -RandomFaults $Plan
    }
}

AfterAll {
    Set-EmulatorFaults $null
    Stop-TestEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A batch under 20 % faults' {
    It 'gives every one of 300 inputs exactly one outcome, within the retry budget' {
        Set-EmulatorFaults @{
            seed = 20261219; serverError = 0.035; serverErrorStatuses = @(500, 502, 503); vendorRateLimit = 0.015
            vendorInternalError = 0.015; tooManyRequests = 0.015; retryAfter = '00:00:01'; connectionAbort = 0.015
            malformedJson = 0.015; expiredCredential = 0.015; extraLatency = 0.015; extraLatencyAmount = '00:00:03'
            slowBody = 0.015; slowBodyDuration = '00:00:03'; cutBody = 0.015; resetAfterHeaders = 0.015
            tooManyRequestsWithoutRetryAfter = 0.015
        }
        Add-TestEmulatorImageFault $emulator -Path $files[150] -Fault @{ kind = 'VendorError'; code = 'AuthFailure.SignatureExpire' } -Times 2
        Reset-TestEmulatorStats $emulator

        $null = Invoke-BankcardRecognition -LiteralPath $files -Provider Tencent -Credential $emulator.Credential -Endpoint $emulator.Endpoint `
            -ThrottleLimit 16 -MaxRequestsPerSecond 0 -MaxRetries 3 -TimeoutSec 1 -OutVariable results -ErrorVariable failed -ErrorAction SilentlyContinue

        $stats = Get-TestEmulatorStats $emulator
        $stats.faultsInjected | Should -BeGreaterThan 30 -Because 'the faults must really have been there'
        $outcomes = @($results.Source) + @($failed.TargetObject)
        $outcomes.Count | Should -Be 300
        @($outcomes | Sort-Object -Unique).Count | Should -Be 300
        $failed | Where-Object { $_.TargetObject -eq $files[150] } | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*' }
        # Only retryable faults can outlast the retries, or an expired signature met again on its fresh retry.
        $failed | Where-Object { -not $_.Exception.IsRetryable } | ForEach-Object { $_.Exception.ProviderCode | Should -Be 'AuthFailure.SignatureExpire' }
        $results | ForEach-Object { $_.Attempts | Should -BeLessOrEqual 5 }
        $stats.requests.Tencent | Should -BeLessOrEqual (300 * 5)
    }
}
