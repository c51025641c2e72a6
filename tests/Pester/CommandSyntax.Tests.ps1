#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }
# What Get-Command -Syntax, Get-Help and completion show of Invoke-BankcardRecognition is what a user types (issue 19,
# item 3): four sets (Path, LiteralPath, Uri, Image), no hidden -PathInput set, and -Name in the Image set alone. The
# binding that the hidden parameter serves is PipelineBinding.Tests.ps1's.

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1') -Force
    $script:command = Get-Command Invoke-BankcardRecognition
}

Describe 'Invoke-BankcardRecognition as users see it' {
    It 'has the parameter sets Path, LiteralPath, Uri and Image, and no PathInput parameter' {
        $command.ParameterSets.Name | Should -Be @('Path', 'LiteralPath', 'Uri', 'Image')
        $command.Parameters.Keys | Should -Not -Contain 'PathInput'
        $command.Parameters['Name'].ParameterSets.Keys | Should -Be @('Image')
    }

    It 'shows -Name in the Image line of Get-Command -Syntax only, and no internal type' {
        $lines = @((Get-Command Invoke-BankcardRecognition -Syntax) -split '\r?\n' | Where-Object { $_.Trim() })
        $lines.Count | Should -Be 4
        $lines | Where-Object { $_ -match '-Name <' } | Should -Be ($lines | Where-Object { $_ -match '-Image <' })
        ($lines -join "`n") | Should -Not -Match 'PathInput|PipedPath'
    }

    It 'shows no internal parameter or type in Get-Help -Full at 80 columns' {
        $help = Get-Help Invoke-BankcardRecognition -Full | Out-String -Width 80
        $help | Should -Not -Match 'PathInput|PipedPath'
        $syntax = $help.Substring($help.IndexOf('SYNTAX'), $help.IndexOf('DESCRIPTION') - $help.IndexOf('SYNTAX')) -replace '\r?\n\s*', ''
        ([regex]::Matches($syntax, '-Name <')).Count | Should -Be 1
    }

    It 'completes no internal parameter' {
        $completions = (TabExpansion2 -inputScript 'Invoke-BankcardRecognition -Pa' -cursorColumn 30).CompletionMatches.CompletionText
        $completions | Should -Contain '-Path'
        $completions | Should -Not -Contain '-PathInput'
    }

    It 'refuses a positional path with -Name in its own words, not as a missing positional parameter' {
        { Invoke-BankcardRecognition card1.jpg -Name foo -ErrorAction Stop } |
            Should -Throw -ErrorId 'NameWithoutImage,*' -ExpectedMessage '-Name labels -Image bytes only; files and URLs are labelled by their path or URL.'
    }
}
