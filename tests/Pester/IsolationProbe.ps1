# Run by DependencyIsolation.Tests.ps1 in a fresh pwsh process (assemblies cannot be unloaded, so each
# scenario needs its own process): optionally loads another module's copy of a dependency first, imports
# BankcardOcr, sends one oversized image through TencentLegacy (so ImageFitter decodes and re-encodes it with
# the Stb codecs) and writes what happened as JSON on stdout.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ImagePath,
    [Parameter(Mandatory)] [string] $Endpoint,
    [Parameter(Mandatory)] [string] $AppId,
    [Parameter(Mandatory)] [string] $SecretId,
    [Parameter(Mandatory)] [string] $SecretKey,
    [string] $PreloadPath
)

$ErrorActionPreference = 'Stop'
if ($PreloadPath) {
    # What another binary module does when PowerShell imports it: its dependency lands in the default context.
    $null = [System.Reflection.Assembly]::LoadFrom($PreloadPath)
}

Import-Module -Name $ModulePath

$credential = [pscredential]::new($SecretId, (ConvertTo-SecureString -String $SecretKey -AsPlainText -Force))
$results = @(Invoke-BankcardRecognition -LiteralPath $ImagePath -Provider TencentLegacy -AppId $AppId -Credential $credential `
        -Endpoint $Endpoint -MaxRequestsPerSecond 0 -ErrorVariable failures -ErrorAction SilentlyContinue -Verbose 4>&1)
$verbose = @($results | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
$cards = @($results | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })

# Type literals users write, resolved by PowerShell's own type resolution after import.
$literals = foreach ($name in 'BankcardOcr.BankcardOcrException', 'BankcardOcr.BankcardRecognitionResult', 'BankcardOcr.BankcardNumberInfo') {
    [pscustomobject]@{ Name = $name; Resolved = [bool]($name -as [type]) }
}
$caughtBy = try {
    Invoke-BankcardRecognition -LiteralPath (Join-Path $PSScriptRoot 'no-such-image.png') -Provider TencentLegacy -AppId $AppId `
        -Credential $credential -Endpoint $Endpoint -ErrorAction Stop
    'nothing'
}
catch [BankcardOcr.BankcardOcrException] {
    'BankcardOcrException'
}
catch {
    'other: ' + $_.Exception.GetType().FullName
}

$assemblies = [System.AppDomain]::CurrentDomain.GetAssemblies() |
    Where-Object { $_.GetName().Name -match '^(BankcardOcr|Polly|StbImage|System\.Threading\.RateLimiting|Microsoft\.Bcl\.TimeProvider)' } |
    ForEach-Object {
        [pscustomobject]@{
            Name     = $_.GetName().Name
            Version  = $_.GetName().Version.ToString()
            Location = $_.Location
            Context  = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name
        }
    }

[pscustomobject]@{
    CardNumbers  = @($cards | ForEach-Object CardNumber)
    Errors       = @($failures | ForEach-Object { '{0}: {1}' -f $_.FullyQualifiedErrorId, $_.Exception.Message })
    Verbose      = $verbose
    TypeLiterals = @($literals)
    CaughtBy     = $caughtBy
    Assemblies   = @($assemblies)
} | ConvertTo-Json -Depth 4 -Compress
