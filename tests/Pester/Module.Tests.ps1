#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }
# Mirrors tests/Module.Tests/ModuleImportTests.cs for machines with pwsh or Windows PowerShell 5.1.

BeforeDiscovery {
    $script:manifestPath = Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1'
}

BeforeAll {
    $script:manifestPath = Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1'
    if (-not (Test-Path -LiteralPath $manifestPath)) {
        throw "Build the module first: dotnet build BankcardOcr.sln -c Release"
    }
}

Describe 'BankcardOcr module' {
    It 'imports without writing to any stream' {
        $output = & {
            Import-Module -Name $manifestPath -Force -Verbose:$false
        } *>&1
        $output | Should -BeNullOrEmpty
    }

    It 'exports exactly the cmdlets the manifest declares' {
        $module = Import-Module -Name $manifestPath -Force -PassThru
        $declared = (Test-ModuleManifest -Path $manifestPath).ExportedCmdlets.Keys | Sort-Object
        $exported = $module.ExportedCmdlets.Keys | Sort-Object
        $exported | Should -Be $declared
        $exported | Should -Contain 'Test-BankcardNumber'
    }

    It 'declares both editions, PowerShell 5.1 and the gallery tags' {
        $info = Test-ModuleManifest -Path $manifestPath
        $info.CompatiblePSEditions | Sort-Object | Should -Be @('Core', 'Desktop')
        $info.PowerShellVersion | Should -Be ([version]'5.1')
        foreach ($tag in 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS') {
            $info.Tags | Should -Contain $tag
        }
        $info.ExportedFunctions.Count | Should -Be 0
        $info.ExportedAliases.Count | Should -Be 0
    }
}
