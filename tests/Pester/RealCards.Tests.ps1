#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }
# The offline recognizer on labelled photos of real cards and specimens, read the way a user reads a folder:
# Get-ChildItem | Invoke-BankcardRecognition in this shell, with the built module, no provider named, at the default
# ThrottleLimit. The photos are not part of the repository (they show real card numbers): the suite reads them from
# $env:BANKCARDOCR_REALCARDS, else from 'shared/realcards' beside the clone, and is skipped, saying why, where neither
# exists. It reports counts only; a failure names the files answered wrongly, never a number.
# labels.csv: file, card_number, expiry, kind, print, scored (exact | raw | none), notes. Default mode must return
# exactly the number of a photo scored 'exact', and no number at all for 'raw' (specimens, account numbers) or
# 'none' (unreadable): any number returned there is wrong.

BeforeAll {
    $script:skipReason = $null
    $configured = $env:BANKCARDOCR_REALCARDS
    $root = if ($configured) { $configured } else { Join-Path $PSScriptRoot '../../../shared/realcards' }
    $script:photos = @($root, (Join-Path $root 'photos')) | Where-Object { Test-Path -LiteralPath (Join-Path $_ 'labels.csv') } | Select-Object -First 1
    if (-not $photos) {
        if ($configured) {
            # A folder named on purpose and not there is a broken setup, not a user's clone: fail rather than skip.
            throw "BANKCARDOCR_REALCARDS is '$configured', which holds no labels.csv (nor photos/labels.csv)."
        }

        $script:skipReason = "no labelled real photos beside the clone (shared/realcards) and BANKCARDOCR_REALCARDS is not set"
        return
    }

    $accepted = Import-PowerShellDataFile -LiteralPath (Join-Path $PSScriptRoot 'RealCards.Floor.psd1')
    $script:floor = $accepted.Exact
    $script:knownWrong = @($accepted.KnownWrong)
    $script:labels = @{}
    foreach ($row in Import-Csv -LiteralPath (Join-Path $photos 'labels.csv')) {
        $labels[$row.file] = [pscustomobject]@{ Number = $row.card_number -replace '\s', ''; Scored = $row.scored }
    }

    Import-Module -Name (Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1') -Force
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $files = @(Get-ChildItem -LiteralPath $photos -File | Where-Object { $labels.ContainsKey($_.Name) })
    $results = @($files | Invoke-BankcardRecognition -ErrorAction SilentlyContinue -ErrorVariable failures)
    $clock.Stop()

    $answers = @{}
    foreach ($result in $results) {
        $answers[(Split-Path -Leaf $result.Source)] = $result.CardNumber
    }

    $script:missing = @($labels.Keys | Where-Object { -not ($files.Name -contains $_) })
    $script:failed = @($failures | Where-Object { $_.FullyQualifiedErrorId -notlike 'NoCardFound,*' } |
        ForEach-Object { Split-Path -Leaf "$($_.TargetObject)" })
    $script:exact = 0
    $script:wrong = [System.Collections.Generic.List[string]]::new()
    foreach ($file in $labels.Keys) {
        $answer = $answers[$file]
        if (-not $answer) {
            continue
        }

        if ($labels[$file].Scored -eq 'exact' -and $answer -eq $labels[$file].Number) {
            $script:exact++
        }
        else {
            $wrong.Add($file)
        }
    }

    $script:newlyWrong = @($wrong | Where-Object { $knownWrong -notcontains $_ } | Sort-Object)
    $script:noLongerWrong = @($knownWrong | Where-Object { $wrong -notcontains $_ })
    $script:realNumbers = @($labels.Values | Where-Object Scored -EQ 'exact').Count
    Write-Host ("    real photos: {0} read; exact {1} of {2} real numbers (floor {3}); wrong {4} ({5} listed as known); failed {6}; {7:0} s" -f
        $files.Count, $exact, $realNumbers, $floor, $wrong.Count, ($wrong.Count - $newlyWrong.Count), $failed.Count, $clock.Elapsed.TotalSeconds)
}

Describe 'Invoke-BankcardRecognition on labelled real photos' {
    It 'finds every labelled photo' {
        if ($skipReason) { Set-ItResult -Skipped -Because $skipReason; return }
        $missing.Count | Should -Be 0 -Because "labels.csv names files the folder lacks: $($missing -join ', ')"
    }

    It 'returns no wrong number, specimens and unreadable photos included' {
        if ($skipReason) { Set-ItResult -Skipped -Because $skipReason; return }
        $newlyWrong.Count | Should -Be 0 -Because "a number was returned that is not the printed card number for: $($newlyWrong -join ', ')"
    }

    It 'still answers wrongly every photo listed as a known wrong answer' {
        if ($skipReason) { Set-ItResult -Skipped -Because $skipReason; return }
        $noLongerWrong.Count | Should -Be 0 -Because "no longer answered wrongly, so remove from KnownWrong in RealCards.Floor.psd1: $($noLongerWrong -join ', ')"
    }

    It 'reads at least the floor of real card numbers exactly' {
        if ($skipReason) { Set-ItResult -Skipped -Because $skipReason; return }
        $exact | Should -BeGreaterOrEqual $floor -Because "RealCards.Floor.psd1 asks for $floor of $realNumbers"
    }

    It 'answers every photo with a number or NoCardFound' {
        if ($skipReason) { Set-ItResult -Skipped -Because $skipReason; return }
        $failed.Count | Should -Be 0 -Because "other errors on: $($failed -join ', ')"
    }
}
