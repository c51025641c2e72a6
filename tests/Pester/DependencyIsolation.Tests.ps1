#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }
# Issue 9 item 5: on PowerShell 7 the module's third-party dependencies load from its Dependencies/ folder into
# a private load context, so another module's copy of the same library cannot break it, while the types users
# name in scripts still resolve (Windows PowerShell 5.1 has no load contexts; skipped there). Each scenario runs IsolationProbe.ps1 in a fresh pwsh process, because what
# one test loads would otherwise stay loaded for every later test in this process.

Describe 'Dependency isolation on PowerShell 7' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'EmulatorSupport.ps1')
        $script:moduleFolder = (Resolve-Path (Join-Path $PSScriptRoot '../../out/BankcardOcr')).Path
        $script:emulator = Start-TestEmulator
        $script:work = Join-Path ([System.IO.Path]::GetTempPath()) ('bankcardocr-isolation-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $work
        $script:pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })

        # A 1000x640 24-bit BMP, 1.9 MB: over TencentLegacy's 1 MB image limit, so it is only sent after
        # ImageFitter has decoded it (StbImageSharp) and written a JPEG (StbImageWriteSharp).
        $script:bigImage = Join-Path $work 'big card.bmp'
        $width = 1000; $height = 640; $pixelBytes = $width * 3 * $height
        $stream = [System.IO.File]::Create($bigImage)
        $writer = [System.IO.BinaryWriter]::new($stream)
        $writer.Write([byte[]](0x42, 0x4D)); $writer.Write([int](54 + $pixelBytes)); $writer.Write([int]0); $writer.Write([int]54)
        $writer.Write([int]40); $writer.Write([int]$width); $writer.Write([int]$height); $writer.Write([int16]1); $writer.Write([int16]24)
        $writer.Write([int]0); $writer.Write([int]$pixelBytes); $writer.Write([int]2835); $writer.Write([int]2835); $writer.Write([int]0); $writer.Write([int]0)
        $writer.Write([byte[]]::new($pixelBytes))
        $writer.Dispose()

        function Invoke-Probe {
            param([string] $PreloadPath)
            $arguments = @('-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'IsolationProbe.ps1'),
                '-ModulePath', (Join-Path $moduleFolder 'BankcardOcr.psd1'), '-ImagePath', $bigImage, '-Endpoint', $emulator.Endpoint,
                '-AppId', $emulator.AppId, '-SecretId', $emulator.Credential.UserName, '-SecretKey', $emulator.SecretKey)
            if ($PreloadPath) { $arguments += @('-PreloadPath', $PreloadPath) }
            $output = & $pwsh @arguments 2>&1
            if ($LASTEXITCODE -ne 0) { throw "IsolationProbe.ps1 failed: $($output -join [Environment]::NewLine)" }
            ($output | Select-Object -Last 1) | ConvertFrom-Json
        }

        function New-FakeAssembly {
            # Another module's copy of a dependency: same simple name, another version, none of the real API.
            # PersistedAssemblyBuilder (.NET 9+) writes it without loading it into this process; Add-Type cannot,
            # because it gives its output a random assembly name.
            param([string] $Name, [string] $Version, [string] $Namespace)
            $folder = Join-Path $work "$Name-$Version"
            $null = New-Item -ItemType Directory -Path $folder -Force
            $path = Join-Path $folder "$Name.dll"
            $assemblyName = [System.Reflection.AssemblyName]::new($Name)
            $assemblyName.Version = [version]$Version
            $builder = [System.Reflection.Emit.PersistedAssemblyBuilder]::new($assemblyName, [object].Assembly)
            $type = $builder.DefineDynamicModule($Name).DefineType("$Namespace.OtherModulesCopy", 'Public, Abstract, Sealed')
            $null = $type.CreateType()
            $builder.Save($path)
            $path
        }

        $script:plain = Invoke-Probe
    }

    AfterAll {
        Stop-TestEmulator $emulator
        Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'ships only its own two assemblies beside the manifest and every package dll in Dependencies/' {
        (Get-ChildItem -LiteralPath $moduleFolder -Filter '*.dll').Name | Sort-Object | Should -Be @('BankcardOcr.Core.dll', 'BankcardOcr.dll')
        $dependencies = (Get-ChildItem -LiteralPath (Join-Path $moduleFolder 'Dependencies') -Filter '*.dll').Name
        foreach ($dll in 'Polly.Core.dll', 'Microsoft.Bcl.TimeProvider.dll', 'System.Threading.RateLimiting.dll', 'StbImageSharp.dll', 'StbImageWriteSharp.dll') {
            $dependencies | Should -Contain $dll
        }
    }

    It 'loads <Name> from Dependencies/ into the BankcardOcr load context' -ForEach @(
        @{ Name = 'Polly.Core' }
        @{ Name = 'Microsoft.Bcl.TimeProvider' }
        @{ Name = 'System.Threading.RateLimiting' }
        @{ Name = 'StbImageSharp' }
        @{ Name = 'StbImageWriteSharp' }
    ) {
        $loaded = @($plain.Assemblies | Where-Object Name -EQ $Name)
        $loaded.Count | Should -Be 1
        $loaded[0].Context | Should -Be 'BankcardOcr'
        $loaded[0].Location | Should -Be ([System.IO.Path]::Combine($moduleFolder, 'Dependencies', "$Name.dll"))
    }

    It 'keeps BankcardOcr and BankcardOcr.Core in the default context, loaded from the module folder' {
        foreach ($name in 'BankcardOcr', 'BankcardOcr.Core') {
            $loaded = @($plain.Assemblies | Where-Object Name -EQ $name)
            $loaded.Count | Should -Be 1
            $loaded[0].Context | Should -Be 'Default'
            $loaded[0].Location | Should -Be (Join-Path $moduleFolder "$name.dll")
        }
    }

    It 'resolves the type literals users write, and catch [BankcardOcr.BankcardOcrException] catches' {
        $plain.TypeLiterals | ForEach-Object { "$($_.Name)=$($_.Resolved)" } |
            Should -Be @('BankcardOcr.BankcardOcrException=True', 'BankcardOcr.BankcardRecognitionResult=True', 'BankcardOcr.BankcardNumberInfo=True')
        $plain.CaughtBy | Should -Be 'BankcardOcrException'
    }

    It 'fits and recognises an oversized image' {
        $plain.Errors | Should -BeNullOrEmpty
        $plain.CardNumbers.Count | Should -Be 1
        $plain.CardNumbers[0] | Should -Match '^\d{16,19}$'
        $plain.Verbose -join "`n" | Should -Match 're-encoded to .* JPEG'
    }

    It 'fits and recognises an oversized image after another module loaded <Name> <Version> into the default context' -ForEach @(
        @{ Name = 'StbImageWriteSharp'; Version = '1.0.0.0'; Namespace = 'StbImageWriteSharp' }
        @{ Name = 'StbImageSharp'; Version = '2.0.0.0'; Namespace = 'StbImageSharp' }
        @{ Name = 'Polly.Core'; Version = '7.0.0.0'; Namespace = 'Polly' }
    ) -Skip:(-not ('System.Reflection.Emit.PersistedAssemblyBuilder' -as [type])) {
        # Skipped on pwsh 7.4 (.NET 8), which cannot write an assembly to disk without a compiler.
        $probe = Invoke-Probe -PreloadPath (New-FakeAssembly -Name $Name -Version $Version -Namespace $Namespace)
        $probe.Errors | Should -BeNullOrEmpty
        $probe.CardNumbers.Count | Should -Be 1
        $probe.Verbose -join "`n" | Should -Match 're-encoded to .* JPEG'
        # Both copies live side by side: the other module's in the default context, the module's own in its context.
        $ownVersion = [System.Reflection.AssemblyName]::GetAssemblyName([System.IO.Path]::Combine($moduleFolder, 'Dependencies', "$Name.dll")).Version
        $copies = @($probe.Assemblies | Where-Object Name -EQ $Name | Sort-Object Context)
        $copies | ForEach-Object { "$($_.Context) $($_.Version)" } | Should -Be @("BankcardOcr $ownVersion", "Default $Version")
    }
}
