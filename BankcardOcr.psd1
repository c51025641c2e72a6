# Module manifest template for BankcardOcr. The build stamps ModuleVersion with the version in
# Directory.Build.props and writes the result to out/BankcardOcr/BankcardOcr.psd1.
@{
    RootModule           = 'BankcardOcr.dll'
    ModuleVersion        = '{{ModuleVersion}}'
    GUID                 = '5b7c8f0e-3d2a-4e61-9a4b-6c1f2e8d7a90'
    Author               = 'BankcardOcr developers'
    CompanyName          = 'BankcardOcr developers'
    Copyright            = '(c) BankcardOcr developers. MIT licence.'
    Description          = 'Reads bank cards from images (number, bank, card type, validity, confidences) offline on the machine by default (PP-OCRv4 through ONNX Runtime: no account, nothing sent), or through the Tencent Cloud and Huawei Cloud bank-card OCR services, streaming, rate-limited and retried, and checks card numbers offline against Luhn, network ranges and the Chinese bank BIN table. Card numbers are masked in every view and message; keys and tokens are never printed.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('BankcardOcr.format.ps1xml')
    CmdletsToExport      = @(
        'Get-HuaweiIamToken',
        'Invoke-BankcardRecognition',
        'New-TencentOcrSignature',
        'Set-BankcardOcrSecret',
        'Test-BankcardNumber'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('OCR', 'BankCard', 'CreditCard', 'Luhn', 'Offline', 'Tencent', 'Huawei', 'UnionPay', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/bankcardocr/BankcardOcr/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/bankcardocr/BankcardOcr'
            ReleaseNotes = 'https://github.com/bankcardocr/BankcardOcr/blob/main/CHANGELOG.md'
        }
    }
}
