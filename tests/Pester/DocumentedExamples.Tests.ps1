#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }
# Every example in docs/*.md and every PowerShell block of README.md runs here as written, against the emulator.
# Only $PSDefaultParameterValues point it there (endpoints, credentials); the example's own text is untouched.
# What a user's machine has and this one has not is stood in for: SecretManagement (a module of that name over a
# hashtable), Get-Credential and Read-Host (no console to type into), the files the example names, and the
# variables it assumes ($cred, $akSk, $iamUser, $numbers, $body).

BeforeDiscovery {
    $root = Join-Path $PSScriptRoot '../..'

    # The code of a block: lines after 'PS> ' and their indented continuations; in a block without prompts
    # (README), the lines before the first blank line. What follows is sample output, not code.
    function Get-ExampleCode([string[]] $Lines) {
        $code = [System.Collections.Generic.List[string]]::new()
        if ($Lines | Where-Object { $_ -like 'PS> *' }) {
            $inCode = $false
            foreach ($line in $Lines) {
                if ($line -like 'PS> *') { $code.Add($line.Substring(4)); $inCode = $true }
                elseif ($inCode -and $line -match '^\s+\S') { $code.Add($line) }
                else { $inCode = $false }
            }
        }
        else {
            foreach ($line in $Lines) { if (-not $line.Trim()) { break }; $code.Add($line) }
        }
        $code -join [Environment]::NewLine
    }

    # The sample output of a block: what is not code (above), blank lines and trailing spaces left out.
    function Get-ExampleOutput([string[]] $Lines) {
        $output = [System.Collections.Generic.List[string]]::new()
        if ($Lines | Where-Object { $_ -like 'PS> *' }) {
            $inCode = $false
            foreach ($line in $Lines) {
                if ($line -like 'PS> *') { $inCode = $true }
                elseif ($inCode -and $line -match '^\s+\S') { }
                else { $inCode = $false; if ($line.Trim()) { $output.Add($line.TrimEnd()) } }
            }
        }
        else {
            $pastCode = $false
            foreach ($line in $Lines) {
                if (-not $line.Trim()) { $pastCode = $true }
                elseif ($pastCode) { $output.Add($line.TrimEnd()) }
            }
        }
        , $output.ToArray()
    }

    $script:examples = foreach ($page in Get-ChildItem -LiteralPath (Join-Path $root 'docs') -Filter '*.md') {
        $lines = Get-Content -LiteralPath $page.FullName -Encoding utf8
        $title = $null; $block = $null
        foreach ($line in $lines) {
            if ($line -match '^### (Example \d+.*)$') { $title = $Matches[1] }
            elseif ($line -match '^## ') { $title = $null }
            elseif ($title -and $null -eq $block -and $line -eq '```powershell') { $block = [System.Collections.Generic.List[string]]::new() }
            elseif ($null -ne $block -and $line -eq '```') {
                @{ Name = "$($page.BaseName): $title"; Code = Get-ExampleCode $block; Output = Get-ExampleOutput $block }
                $block = $null; $title = $null
            }
            elseif ($null -ne $block) { $block.Add($line) }
        }
    }
    $readme = Get-Content -LiteralPath (Join-Path $root 'README.md') -Encoding utf8
    $n = 0; $block = $null
    $script:examples += foreach ($line in $readme) {
        if ($null -eq $block -and $line -eq '```powershell') { $block = [System.Collections.Generic.List[string]]::new() }
        elseif ($null -ne $block -and $line -eq '```') {
            $n++
            @{ Name = "README: PowerShell block $n"; Code = Get-ExampleCode $block; Output = Get-ExampleOutput $block }
            $block = $null
        }
        elseif ($null -ne $block) { $block.Add($line) }
    }

    # Examples that cannot run here, each with its reason. Keep this list short and every reason true.
    $script:skips = @{
        # Calls the real ocr.tencentcloudapi.com by an explicit -Uri; Cmdlets.Defects.Tests.ps1 runs this page's own
        # command line against the emulator (with -SkipHeaderValidation, as the page says).
        'New-TencentOcrSignature: Example 1: Call another OCR action with Invoke-RestMethod' = 'calls the real Tencent host'
        # Calls Huawei's real id-card API by an explicit -Uri; the emulator has no id-card API.
        'Get-HuaweiIamToken: Example 3: Call another Huawei OCR API with the token' = 'calls the real Huawei host'
        'README: PowerShell block 1' = 'Install-Module needs the PowerShell Gallery'
    }
    foreach ($example in $script:examples) {
        $example.SkipReason = if ($example.Code -match '\./build\.ps1') { 'build.ps1 commands, run by CI itself' } else { $skips[$example.Name] }
    }

    # Offline examples that print a table (a line of dashes under the headers): what the page shows must be what pwsh
    # prints. The others show what a service answered (a token, a recognition), which the emulator cannot repeat.
    $script:tables = @($script:examples | Where-Object {
            ($_.Output | Where-Object { $_ -match '^-+( +-+)*$' }) -and
            $_.Code -match 'Test-BankcardNumber' -and $_.Code -notmatch 'Invoke-BankcardRecognition|Get-HuaweiIamToken|New-TencentOcrSignature'
        })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSupport.ps1')
    Import-Module -Name (Join-Path $PSScriptRoot '../../out/BankcardOcr/BankcardOcr.psd1') -Force
    # The account names the pages print, so that examples naming them run unchanged.
    $script:emulator = Start-TestEmulator -HuaweiUser ocr-user -HuaweiDomain my-account

    New-Module -Name Microsoft.PowerShell.SecretManagement -ScriptBlock {
        $script:store = @{}
        function Get-Secret {
            [CmdletBinding()]
            param([Parameter(Mandatory, Position = 0)][string] $Name, [string] $Vault, [switch] $AsPlainText)
            $key = if ($Vault) { "$Vault/$Name" } else { @($script:store.Keys | Where-Object { $_ -like "*/$Name" })[0] }
            if ($key -and $script:store.ContainsKey($key)) { return , $script:store[$key] }
            $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new(
                [System.Management.Automation.ItemNotFoundException]::new("The secret $Name was not found."),
                'GetSecretNotFound', [System.Management.Automation.ErrorCategory]::ObjectNotFound, $Name))
        }
        function Set-Secret {
            [CmdletBinding(SupportsShouldProcess)]
            param([Parameter(Mandatory, Position = 0)][string] $Name, [Parameter(Mandatory)][object] $Secret, [string] $Vault = 'Default')
            if ($PSCmdlet.ShouldProcess($Name)) { $script:store["$Vault/$Name"] = $Secret }
        }
        Export-ModuleMember -Function Get-Secret, Set-Secret
    } | Import-Module -Global

    # No one types at a prompt here: the emulator's user answers for IAM users, its Tencent keys for the rest.
    function global:Get-Credential {
        param([Parameter(Position = 0)][string] $UserName, [string] $Message, [string] $Title)
        if ($UserName -eq 'ocr-user') { return $emulator.HuaweiUser }
        $emulator.Credential
    }
    function global:Read-Host { param([switch] $AsSecureString, [Parameter(Position = 0)] $Prompt) $emulator.HuaweiUser.Password }
}

AfterAll {
    Remove-Item -Path function:global:Get-Credential, function:global:Read-Host -ErrorAction SilentlyContinue
    Remove-Module -Name Microsoft.PowerShell.SecretManagement -ErrorAction SilentlyContinue
    Stop-TestEmulator $emulator
}

Describe 'Documented examples run as written' {
    BeforeEach {
        $script:work = Join-Path ([System.IO.Path]::GetTempPath()) ('bankcardocr-examples-' + [guid]::NewGuid().ToString('N'))
        foreach ($dir in 'scans', 'in') { $null = New-Item -ItemType Directory -Path (Join-Path $work $dir) -Force }
        foreach ($file in 'scans/a.jpg', 'scans/b.jpg', 'in/c.jpg', 'card.png', 'card.jpg') {
            $null = New-TestPng -Path (Join-Path $work $file) -Tag $file
        }
        [pscustomobject]@{ CardNumber = '6228480402564890018' }, [pscustomobject]@{ CardNumber = '4111111111111112' } |
            Export-Csv -LiteralPath (Join-Path $work 'cards.csv') -NoTypeInformation
        Push-Location -LiteralPath $work

        # Where the examples' services and keys come from: the emulator, through default parameter values only.
        $PSDefaultParameterValues['Invoke-BankcardRecognition:Endpoint'] = $emulator.Endpoint
        $PSDefaultParameterValues['Invoke-BankcardRecognition:MaxRequestsPerSecond'] = 0
        $PSDefaultParameterValues['Get-HuaweiIamToken:Endpoint'] = $emulator.Endpoint

        # The vault holds what the pages say was stored earlier.
        Set-BankcardOcrSecret -Name TencentOcr -Provider Tencent -Credential $emulator.Credential
        Set-BankcardOcrSecret -Name HuaweiIam -Provider Huawei -UseIamPassword -Credential $emulator.HuaweiUser -DomainName $emulator.HuaweiDomain -Region cn-north-4

        # Variables the examples assume the reader has.
        $cred = $emulator.Credential
        $akSk = $emulator.HuaweiKeys
        $iamUser = $emulator.HuaweiUser
        $numbers = '6228480402564890018', '4111-1111-1111-1111', 'not a number'
        $body = '{}'
    }

    AfterEach {
        Pop-Location
        $PSDefaultParameterValues.Clear()
        Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
        Remove-Item Env:TENCENTCLOUD_SECRET_ID, Env:TENCENTCLOUD_SECRET_KEY, Env:HUAWEICLOUD_SDK_AK, Env:HUAWEICLOUD_SDK_SK -ErrorAction SilentlyContinue
    }

    It '<Name>' -ForEach $examples {
        if ($SkipReason) {
            Set-ItResult -Skipped -Because $SkipReason
            return
        }

        # Examples that take keys from the reader's environment or session get the emulator's keys instead.
        if ($Code -notmatch '-SecretName|-Token') {
            $PSDefaultParameterValues['Invoke-BankcardRecognition:Credential'] = if ($Code -match 'Huawei') { $akSk } else { $cred }
        }
        if ($Code -match 'TencentLegacy') { $PSDefaultParameterValues['Invoke-BankcardRecognition:AppId'] = $emulator.AppId }
        # Examples that name no cloud read offline (Local), which decodes the pictures: they get the synthetic sample
        # cards of samples/ instead of the emulator's header-only stand-ins.
        # So do examples pairing Local with a cloud provider; for a fallback one scan shows no card, so that Local
        # abstains on it and the emulator gets it.
        if ($Code -match 'Invoke-BankcardRecognition' -and ($Code -notmatch '-Provider|-SecretName|-Token' -or $Code -match '-Fallback|-CrossCheck')) {
            $cards = @(Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot '../../samples') -Filter *.jpg | Sort-Object Name)
            $targets = 'scans/a.jpg', 'scans/b.jpg', 'in/c.jpg', 'card.jpg', 'specimen.png'
            for ($i = 0; $i -lt $targets.Count; $i++) {
                Copy-Item -LiteralPath $cards[$i % $cards.Count].FullName -Destination (Join-Path $work $targets[$i]) -Force
            }
            if ($Code -match '-Fallback') { New-BlankBmp -Path (Join-Path $work 'scans/blank.jpg') }
        }
        # Huawei's own parameters only where Huawei is used: another provider refuses them (ParameterNotForProvider).
        if ($Code -match 'Huawei|-Token') {
            $PSDefaultParameterValues['Invoke-BankcardRecognition:IamEndpoint'] = $emulator.Endpoint
            $PSDefaultParameterValues['Invoke-BankcardRecognition:ProjectId'] = $emulator.HuaweiProjectId
        }

        $ErrorActionPreference = 'Stop'
        $output = . ([scriptblock]::Create($Code)) 6>&1 | Out-String
        $output | Should -Not -Match 'Exception'
    } -Skip:$Skip
}

Describe 'Documented tables are what pwsh prints at 80 columns' {
    It 'finds the tables of the pages' {
        $tables.Count | Should -BeGreaterOrEqual 2
    }

    It '<Name>' -ForEach $tables {
        $printed = @((. ([scriptblock]::Create($Code)) | Out-String -Width 80) -split '\r?\n' | ForEach-Object { $_.TrimEnd() } | Where-Object { $_ })
        $printed | Should -Be $Output
    }
}
