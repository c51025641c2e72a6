#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }
# The offline recognizer as an administrator runs it: the synthetic sample cards in samples/, no provider named,
# no keys, no network; the numbers must match samples/truth.csv (written by the generator that drew them).

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1') -Force
    $script:samples = Join-Path $PSScriptRoot '../../samples'
    $script:truth = Import-Csv (Join-Path $samples 'truth.csv')
}

Describe 'Invoke-BankcardRecognition -Provider Local' {
    It 'reads every sample card offline by default, with its number and expiry' {
        $paths = $truth | ForEach-Object { Join-Path $samples $_.file }
        $results = Invoke-BankcardRecognition -LiteralPath $paths -Ordered -ErrorVariable failures
        $failures.Count | Should -Be 0
        $results.Count | Should -Be $truth.Count
        for ($i = 0; $i -lt $truth.Count; $i++) {
            $results[$i].Provider | Should -Be 'Local'
            $results[$i].CardNumber | Should -Be $truth[$i].number
            $month, $year = $truth[$i].expiry -split '/'
            $results[$i].ValidThru | Should -Be "$month/20$year"
            $results[$i].Warnings | Should -BeNullOrEmpty
        }
    }

    It 'masks the numbers it read when asked, in the property and in ToString()' {
        $first = Join-Path $samples $truth[0].file
        $result = Invoke-BankcardRecognition -LiteralPath $first -Provider Local -MaskCardNumber
        $result.CardNumber | Should -Not -Be $truth[0].number
        $result.CardNumber | Should -BeLike "$($truth[0].number.Substring(0, 6))*$($truth[0].number.Substring($truth[0].number.Length - 4))"
        "$result" | Should -Not -Match $truth[0].number
    }
}
