#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }
# Issue 9 item 6: the gallery package installs through PSResourceGet (bundled with pwsh 7.4+; skipped on older
# PowerShell) and imports by name in a fresh pwsh. The package is made from out/BankcardOcr by the script
# build.ps1 -Task Package runs. Install and use each run in their own pwsh process with their own HOME and
# module path, so neither the user's repositories nor their installed modules are touched or seen.

Describe 'The gallery package' -Skip:($PSVersionTable.PSVersion -lt [version]'7.4' -or $IsWindows) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'EmulatorSupport.ps1')
        $script:moduleFolder = (Resolve-Path (Join-Path $PSScriptRoot '../../out/BankcardOcr')).Path
        $script:emulator = Start-TestEmulator
        $script:work = Join-Path ([System.IO.Path]::GetTempPath()) ('bankcardocr-package-' + [guid]::NewGuid().ToString('N'))
        $script:feed = Join-Path $work 'feed'
        $script:userHome = Join-Path $work 'home'
        # .config must exist: .NET gives an empty ApplicationData folder for a missing one, and NuGet (inside
        # Publish-PSResource) then writes NuGet/NuGet.Config relative to the working directory.
        $null = New-Item -ItemType Directory -Path $work, $userHome, (Join-Path $userHome '.config')
        $script:pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })

        function Invoke-Pwsh {
            # Runs a probe script in a fresh pwsh with the given environment variables set for it alone.
            param([string] $Script, [hashtable] $Environment, [string[]] $Arguments)
            $saved = @{}
            foreach ($name in $Environment.Keys) {
                $saved[$name] = [Environment]::GetEnvironmentVariable($name)
                [Environment]::SetEnvironmentVariable($name, $Environment[$name])
            }
            # In the test's own folder, so nothing a child writes relative to its working directory lands in the repository.
            Push-Location -LiteralPath $work
            try {
                $output = & $pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot $Script) @Arguments 2>&1
            }
            finally {
                Pop-Location
                foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
            }
            if ($LASTEXITCODE -ne 0) { throw "$Script failed: $($output -join [Environment]::NewLine)" }
            ($output | Select-Object -Last 1) | ConvertFrom-Json
        }

        # PSResourceGet keeps its repository list under the per-user data folder and installs CurrentUser modules
        # under $HOME/.local/share/powershell/Modules, so the child gets a HOME of its own (and no XDG_DATA_HOME).
        # On Windows those are the Documents and LocalAppData known folders, which no variable redirects: hence
        # the suite is skipped there rather than installing into the user's own module folder.
        $script:environment = @{ HOME = $userHome; XDG_DATA_HOME = $null; POWERSHELL_TELEMETRY_OPTOUT = '1' }
        $script:install = Invoke-Pwsh -Script 'PackageInstallProbe.ps1' -Environment $environment `
            -Arguments @('-ModuleFolder', $moduleFolder, '-Feed', $feed)
        $script:modulePath = $install.InstalledLocation
        $environment['PSModulePath'] = $modulePath

        $image = New-TestPng -Path (Join-Path $work 'card one.png') -Tag 'package'
        $script:use = Invoke-Pwsh -Script 'InstalledModuleProbe.ps1' -Environment $environment `
            -Arguments @('-ImagePath', $image, '-Endpoint', $emulator.Endpoint, '-SecretId', $emulator.Credential.UserName, '-SecretKey', $emulator.SecretKey)

        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($install.Package)
        try { $script:entries = @($zip.Entries | ForEach-Object FullName) } finally { $zip.Dispose() }
    }

    AfterAll {
        Stop-TestEmulator $emulator
        Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'holds exactly the laid-out module folder besides the NuGet metadata' {
        $nugetMetadata = '^(\[Content_Types\]\.xml|_rels/.*|package/.*|BankcardOcr\.nuspec)$'
        $payload = $entries | Where-Object { $_ -notmatch $nugetMetadata } | Sort-Object
        $laidOut = Get-ChildItem -LiteralPath $moduleFolder -Recurse -File |
            ForEach-Object { $_.FullName.Substring($moduleFolder.Length + 1).Replace('\', '/') } | Sort-Object
        $payload | Should -Be $laidOut
    }

    It 'carries the licences and no .pdb, tests or build leftovers' {
        foreach ($licence in 'LICENSE', 'THIRD-PARTY-NOTICES.md', 'cn-bank-bin.LICENSE') {
            $entries | Should -Contain $licence
        }
        $entries | Where-Object { $_ -match '\.(pdb|deps\.json)$|Tests?[./]|(^|/)(obj|bin)/' } | Should -BeNullOrEmpty
        $entries | Should -Contain 'Dependencies/Polly.Core.dll'
    }

    It 'installs with Install-PSResource and imports by name from the install folder' {
        $install.InstalledVersion | Should -Be (Import-PowerShellDataFile (Join-Path $moduleFolder 'BankcardOcr.psd1')).ModuleVersion
        $use.ModuleBase | Should -Be (Join-Path $install.InstalledLocation "BankcardOcr/$($install.InstalledVersion)")
        $use.ModuleBase | Should -BeLike "$work*"
        $use.PollyFrom | Should -Be ([System.IO.Path]::Combine($use.ModuleBase, 'Dependencies', 'Polly.Core.dll'))
    }

    It 'recognises a card against the emulator and checks a number offline once installed' {
        $use.Errors | Should -BeNullOrEmpty
        $use.CardNumbers.Count | Should -Be 1
        $use.CardNumbers[0] | Should -Match '^\d{16,19}$'
        $use.Check.IsValid | Should -BeTrue
        $use.Check.Network | Should -Be 'UnionPay'
        $use.Check.BankName | Should -Be '中国农业银行'
    }

    It 'brings its help along' {
        $use.HelpSynopsis | Should -Not -BeNullOrEmpty
        $use.HelpSynopsis | Should -Not -Match '^Test-BankcardNumber'
    }
}
