@{
    RootModule        = 'EmptyModule.dll'
    ModuleVersion     = '1.0.0'
    GUID              = '0f6a2d4c-1b7e-4c55-9f0d-2a8e6b3c9d11'
    CmdletsToExport   = @('Get-Nothing')
    FunctionsToExport = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
