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

Describe 'Test-BankcardNumber with digits of every script (issue 19, item 2)' {
    BeforeAll {
        # The zero of decimal digit sets (Unicode Nd) in the BMP and beyond, kept when this runtime agrees.
        $candidates = 0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
            0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40,
            0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136,
            0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60,
            0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0
        $script:zeros = @($candidates | Where-Object {
                $text = [char]::ConvertFromUtf32($_)
                [System.Globalization.CharUnicodeInfo]::GetUnicodeCategory($text, 0) -eq 'DecimalDigitNumber' -and
                [System.Globalization.CharUnicodeInfo]::GetNumericValue($text, 0) -eq 0
            })
        # Spaces of every width, dashes, the minus sign and invisible marks (zero-width space, LRM, RLM, BOM, ALM).
        $script:separators = @(' ', "`t", '-', "`u{00A0}", "`u{2007}", "`u{2009}", "`u{202F}", "`u{3000}", "`u{2010}", "`u{2011}",
            "`u{2012}", "`u{2013}", "`u{2014}", "`u{2015}", "`u{2212}", "`u{FE63}", "`u{FF0D}", "`u{200B}", "`u{200E}", "`u{200F}",
            "`u{FEFF}", "`u{061C}")
        # Characters that are neither digits nor separators: each makes the text a refused one.
        $script:strays = @('O', 'l', 'x', '*', '.', '/', "`u{00B2}", "`u{2460}", "`u{216B}", "`u{1F600}", "`n")
        # A run of 12 or more digits (a surrogate pair counts as a digit, which can only over-count), separators between.
        $digit = '(?:\p{Nd}|[\uD800-\uDBFF][\uDC00-\uDFFF])'
        $script:cardRun = [regex]"$digit(?:[\t\p{Zs}\p{Pd}\p{Cf}\u2212]*$digit){11}"

        function script:ConvertTo-Script {
            param([string] $Digits, [int] $Zero)
            -join ($Digits.ToCharArray() | ForEach-Object { [char]::ConvertFromUtf32($Zero + [int][string]$_) })
        }

        function script:Get-ShownText {
            # What an error record shows anywhere: message, details, target, category, id, the exception as text.
            param($Record)
            $Record.Exception.Message
            $Record.ErrorDetails.Message
            $Record.ErrorDetails.RecommendedAction
            [string]$Record.TargetObject
            $Record.CategoryInfo.ToString()
            $Record.CategoryInfo.GetMessage()
            $Record.FullyQualifiedErrorId
            $Record.Exception.ToString()
        }
    }

    It 'knows decimal digits beyond ASCII on this runtime' {
        $zeros.Count | Should -BeGreaterThan 50
        $zeros | Should -Contain 0xFF10
        $zeros | Should -Contain 0x1D7CE
    }

    It 'reads <Script> digits and separators as the ASCII number' -ForEach @(
        @{ Script = 'full-width'; Zero = 0xFF10; Separator = "`u{3000}" }
        @{ Script = 'Arabic-Indic'; Zero = 0x0660; Separator = "`u{200F} " }
        @{ Script = 'Devanagari'; Zero = 0x0966; Separator = "`u{00A0}" }
        @{ Script = 'mathematical bold'; Zero = 0x1D7CE; Separator = "`u{FF0D}" }
    ) {
        $text = (ConvertTo-Script '6228' $Zero) + $Separator + (ConvertTo-Script '480402564890018' $Zero)
        $info = Test-BankcardNumber $text -ErrorAction Stop
        $info.CardNumber | Should -BeExactly '6228480402564890018'
        $info.IsValid | Should -BeTrue
        $info.BankName | Should -Not -BeNullOrEmpty
    }

    It 'masks a refused full-width number in every part of the error, as Get-Error shows it' {
        $text = (ConvertTo-Script '622848040256489' 0xFF10) + 'O' + (ConvertTo-Script '018' 0xFF10)
        $null = Test-BankcardNumber $text -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidCardNumber,*'
        $failed[0].TargetObject | Should -Not -Be $text
        $shown = @(Get-ShownText $failed[0]) + ($failed[0] | Get-Error | Out-String -Width 300)
        foreach ($view in 'ConciseView', 'NormalView', 'DetailedView') {
            $ErrorView = $view
            $shown += $failed[0] | Out-String -Width 300
        }
        $shown | ForEach-Object { $cardRun.IsMatch([string]$_) | Should -BeFalse -Because "'$_' must not show the number" }
    }

    It 'reads or refuses 3,000 seeded random texts of digits and separators, and no error shows 12 digits in a row' {
        $random = [System.Random]::new(20261219)
        $cases = foreach ($case in 1..3000) {
            $count = if ($random.Next(10) -lt 8) { $random.Next(12, 20) } else { $random.Next(6, 26) }
            $zero = $zeros[$random.Next($zeros.Count)]
            $mixed = $random.Next(4) -eq 0
            $builder = [System.Text.StringBuilder]::new()
            $digits = [System.Text.StringBuilder]::new()
            for ($i = 0; $i -lt $count; $i++) {
                if ($i -gt 0 -and $random.Next(4) -eq 0) {
                    for ($s = $random.Next(1, 3); $s -gt 0; $s--) { $null = $builder.Append($separators[$random.Next($separators.Count)]) }
                }
                $value = $random.Next(10)
                $null = $digits.Append($value)
                $null = $builder.Append([char]::ConvertFromUtf32($(if ($mixed) { $zeros[$random.Next($zeros.Count)] } else { $zero }) + $value))
            }
            $stray = $random.Next(3) -eq 0
            if ($stray) {
                # Between two whole characters, never inside a surrogate pair.
                $at = $random.Next($builder.Length + 1)
                if ($at -lt $builder.Length -and [char]::IsLowSurrogate($builder[$at])) { $at++ }
                $null = $builder.Insert($at, $strays[$random.Next($strays.Count)])
            }
            [pscustomobject]@{ Text = $builder.ToString(); Digits = $digits.ToString(); Good = -not $stray -and $count -ge 12 -and $count -le 19 }
        }

        $results = @($cases.Text | Test-BankcardNumber -ErrorVariable failed -ErrorAction SilentlyContinue)

        $good = @($cases | Where-Object Good)
        $results.Count | Should -Be $good.Count
        $failed.Count | Should -Be (3000 - $good.Count)
        for ($i = 0; $i -lt $good.Count; $i++) {
            $results[$i].CardNumber | Should -BeExactly $good[$i].Digits
        }
        $cardRun.IsMatch(($results | Out-String -Width 200)) | Should -BeFalse -Because 'the default view masks the number'
        $leaks = [System.Collections.Generic.List[string]]::new()
        for ($i = 0; $i -lt $failed.Count; $i++) {
            $shown = @(Get-ShownText $failed[$i])
            if ($i % 25 -eq 0) {
                $shown += $failed[$i] | Get-Error | Out-String -Width 300
                $ErrorView = 'NormalView'
                $shown += $failed[$i] | Out-String -Width 300
            }
            $shown | Where-Object { $cardRun.IsMatch([string]$_) } | ForEach-Object { $leaks.Add($_) }
        }
        $leaks | Should -BeNullOrEmpty
        $failed.Count | Should -BeGreaterThan 500 -Because 'the texts must reach refusals with 12 or more digits too'
    }
}
