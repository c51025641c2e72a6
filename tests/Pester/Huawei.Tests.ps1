#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }
# Mirrors tests/Module.Tests/Recognition/HuaweiRecognitionTests.cs for machines with pwsh or Windows PowerShell 5.1.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSupport.ps1')
    Import-Module -Name (Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1') -Force
    $script:emulator = Start-TestEmulator
    $script:image = New-TestPng -Path (Join-Path ([System.IO.Path]::GetTempPath()) ("bankcardocr-huawei-" + [guid]::NewGuid().ToString('N') + '.png')) -Tag 'huawei'
}

AfterAll {
    Stop-TestEmulator $emulator
    Remove-Item -LiteralPath $image -Force -ErrorAction SilentlyContinue
}

Describe 'Get-HuaweiIamToken' {
    It 'gets a project-scoped token whose text no view shows' {
        $token = Get-HuaweiIamToken -Credential $emulator.HuaweiUser -DomainName $emulator.HuaweiDomain -Endpoint $emulator.Endpoint -Force
        $token.PSObject.TypeNames[0] | Should -Be 'BankcardOcr.HuaweiIamToken'
        $token.ProjectId | Should -Be $emulator.HuaweiProjectId
        $token.IsExpired | Should -BeFalse
        $text = $token.GetToken()
        ($token | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($text.Substring(0, 20)))
        ($token | ConvertTo-Json) | Should -Not -Match ([regex]::Escape($text.Substring(0, 20)))
        $token.ToString() | Should -Not -Match ([regex]::Escape($text.Substring(0, 20)))
    }

    It 'serves the second call from the session cache' {
        $first = Get-HuaweiIamToken -Credential $emulator.HuaweiUser -DomainName $emulator.HuaweiDomain -Endpoint $emulator.Endpoint
        $second = Get-HuaweiIamToken -Credential $emulator.HuaweiUser -DomainName $emulator.HuaweiDomain -Endpoint $emulator.Endpoint
        $second.GetToken() | Should -Be $first.GetToken()
    }
}

Describe 'Invoke-BankcardRecognition -Provider Huawei' {
    It 'recognises with a token' {
        $token = Get-HuaweiIamToken -Credential $emulator.HuaweiUser -DomainName $emulator.HuaweiDomain -Endpoint $emulator.Endpoint
        $result = Invoke-BankcardRecognition -LiteralPath $image -Token $token -Endpoint $emulator.Endpoint
        $result.Provider | Should -Be 'Huawei'
        $result.CardNumber | Should -Match '^\d{16,19}$'
        $result.ValidThru | Should -Match '^\d{2}/\d{4}$'
    }

    It 'recognises with AK/SK signing' {
        $result = Invoke-BankcardRecognition -LiteralPath $image -Provider Huawei -Credential $emulator.HuaweiKeys -Endpoint $emulator.Endpoint -ProjectId $emulator.HuaweiProjectId
        $result.Provider | Should -Be 'Huawei'
        $result.RequestId | Should -Not -BeNullOrEmpty
    }
}
