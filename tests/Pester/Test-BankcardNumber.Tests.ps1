#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }
# Mirrors tests/Module.Tests/TestBankcardNumberTests.cs for machines with pwsh or Windows PowerShell 5.1.

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1') -Force
    $script:abcDebit = '6228480402564890018'
}

Describe 'Test-BankcardNumber' {
    It 'binds numbers from the pipeline by value' {
        $results = $abcDebit, '4111 1111 1111 1111', '5500-0000-0000-0004' | Test-BankcardNumber
        $results.Network | Should -Be @('UnionPay', 'Visa', 'Mastercard')
        $results[0].PSObject.TypeNames[0] | Should -Be 'BankcardOcr.BankcardNumberInfo'
    }

    It 'binds any object with a CardNumber property' {
        $info = [pscustomobject]@{ Source = 'a.jpg'; CardNumber = $abcDebit } | Test-BankcardNumber
        $info.BankName | Should -Be (-join [char[]](0x4E2D, 0x56FD, 0x519C, 0x4E1A, 0x94F6, 0x884C))
        $info.CardType | Should -Be 'Debit'
        $info.IsValid | Should -BeTrue
    }

    It 'writes one InvalidCardNumber error per malformed input and goes on' {
        $results = '4111111111111111', 'abc', '', '12345', '5500000000000004' |
            Test-BankcardNumber -ErrorVariable failures -ErrorAction SilentlyContinue
        $results.CardNumber | Should -Be @('4111111111111111', '5500000000000004')
        $failures.Count | Should -Be 3
        foreach ($failure in $failures) {
            $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidCardNumber,*'
            $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        }
        $failures.TargetObject | Should -Be @('abc', '', '12345')
    }

    It 'masks the number in the default view and in ToString()' {
        $info = Test-BankcardNumber $abcDebit
        $info.ToString() | Should -Be '622848*********0018'
        $text = $info | Format-Table | Out-String
        $text | Should -Match ([regex]::Escape('622848*********0018'))
        $text | Should -Not -Match $abcDebit
        $list = $info | Format-List | Out-String
        $list | Should -Not -Match $abcDebit
    }

    It 'exports clean CSV columns' {
        $csv = Test-BankcardNumber $abcDebit | ConvertTo-Csv -NoTypeInformation
        $csv[0] | Should -Match '"CardNumber","IsValid","IsLuhnValid","Length","Network"'
        $csv[1] | Should -Match $abcDebit
    }

    It 'tells the 2221 and 2720 Mastercard boundaries' {
        (Test-BankcardNumber '2220000000000000').Network | Should -Be 'Unknown'
        (Test-BankcardNumber '2221000000000009').Network | Should -Be 'Mastercard'
        (Test-BankcardNumber '2720000000000005').Network | Should -Be 'Mastercard'
        (Test-BankcardNumber '2721000000000004').Network | Should -Be 'Unknown'
    }
}
