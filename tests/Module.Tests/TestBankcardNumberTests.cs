using System.Management.Automation;

namespace BankcardOcr.Module.Tests;

public class TestBankcardNumberTests
{
    private const string AbcDebit = "6228480402564890018";

    [Fact]
    public void NumbersBindFromThePipelineByValue()
    {
        var run = HostedPowerShell.Run($"'{AbcDebit}', '4111 1111 1111 1111', '5500-0000-0000-0004' | Test-BankcardNumber");
        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "UnionPay", "Visa", "Mastercard" }, run.Output.Select(o => (string)o.Properties["Network"].Value));
        Assert.All(run.Output, o => Assert.Equal("BankcardOcr.BankcardNumberInfo", o.TypeNames[0]));
    }

    [Fact]
    public void AnyObjectWithACardNumberPropertyPipesIn()
    {
        var run = HostedPowerShell.Run($"[pscustomobject]@{{ Source = 'a.jpg'; CardNumber = '{AbcDebit}' }} | Test-BankcardNumber");
        Assert.Empty(run.Errors);
        var info = run.Output.Single();
        Assert.Equal(AbcDebit, info.Properties["CardNumber"].Value);
        Assert.Equal("中国农业银行", info.Properties["BankName"].Value);
        Assert.Equal("Debit", info.Properties["CardType"].Value);
        Assert.Equal(true, info.Properties["IsValid"].Value);
    }

    [Fact]
    public void PositionalAndArrayArgumentsWork()
    {
        var run = HostedPowerShell.Run($"Test-BankcardNumber {AbcDebit}, 4111111111111111");
        Assert.Empty(run.Errors);
        Assert.Equal(2, run.Output.Count);
    }

    [Fact]
    public void EachMalformedInputIsAnErrorRecordAndTheNextGoesOn()
    {
        var run = HostedPowerShell.Run($"'4111111111111111', 'abc', '', '12345', '{AbcDebit}x', '5500000000000004' | Test-BankcardNumber");
        Assert.Equal(new[] { "4111111111111111", "5500000000000004" }, run.Output.Select(o => (string)o.Properties["CardNumber"].Value));
        // The misread number is masked in TargetObject (and so in CategoryInfo) like in the views.
        Assert.Equal(new[] { "abc", "", "12345", "622848**********018x" }, run.Errors.Select(e => (string)e.TargetObject));
        Assert.All(run.Errors, e => Assert.DoesNotContain(AbcDebit, e.CategoryInfo.ToString()));
        Assert.All(run.Errors, e =>
        {
            Assert.StartsWith("InvalidCardNumber,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        });
    }

    [Fact]
    public void NullInputIsAnErrorRecord()
    {
        var run = HostedPowerShell.Run("Test-BankcardNumber -CardNumber $null; Test-BankcardNumber -CardNumber @('4111111111111111', $null)");
        Assert.Single(run.Output);
        Assert.Equal(2, run.Errors.Count);
        Assert.All(run.Errors, e => Assert.StartsWith("InvalidCardNumber,", e.FullyQualifiedErrorId));
    }

    [Fact]
    public void ErrorMessagesNeverRepeatTheDigits()
    {
        var run = HostedPowerShell.Run($"'{AbcDebit}x', '{AbcDebit}0' | Test-BankcardNumber");
        Assert.Equal(2, run.Errors.Count);
        Assert.All(run.AllText(), text => Assert.DoesNotContain("622848040256", text));
    }

    [Fact]
    public void LengthOutsideTwelveToNineteenIsAnError()
    {
        var run = HostedPowerShell.Run("'12345678901', '12345678901234567890', '123456789012' | Test-BankcardNumber");
        Assert.Equal(2, run.Errors.Count);
        Assert.Single(run.Output);
    }

    [Fact]
    public void DefaultViewMasksTheNumber()
    {
        var run = HostedPowerShell.Run($"Test-BankcardNumber {AbcDebit} | Out-Default");
        Assert.Empty(run.Errors);
        Assert.Contains("622848*********0018", run.HostText);
        Assert.Contains("中国农业银行", run.HostText);
        Assert.DoesNotContain(AbcDebit, run.HostText);
    }

    [Fact]
    public void ToStringAndVerboseAreMasked()
    {
        var run = HostedPowerShell.Run($"(Test-BankcardNumber {AbcDebit} -Verbose).ToString()");
        Assert.Equal("622848*********0018", run.Output.Single().ToString());
        Assert.Single(run.Verbose);
        Assert.Contains("622848*********0018", run.Verbose[0].Message);
        Assert.All(run.AllText(), text => Assert.DoesNotContain(AbcDebit, text));
    }

    [Fact]
    public void EveryOutputPropertyIsACsvFriendlyScalar()
    {
        var run = HostedPowerShell.Run($"Test-BankcardNumber {AbcDebit}");
        var info = run.Output.Single();
        var expected = new[] { "CardNumber", "IsValid", "IsLuhnValid", "Length", "Network", "BankName", "CardType" };
        Assert.Subset(info.Properties.Select(p => p.Name).ToHashSet(), expected.ToHashSet());
        Assert.All(info.Properties, p => Assert.True(
            p.Value is string || p.Value is bool || p.Value is int,
            $"{p.Name} is {p.Value?.GetType().Name}, which Export-Csv would not write as a plain value"));
    }

    [Fact]
    public void CommandDeclaresItsOutputTypeAndPipelineBinding()
    {
        var run = HostedPowerShell.Run("""
            $c = Get-Command Test-BankcardNumber
            $p = $c.Parameters['CardNumber'].Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }
            $c.OutputType[0].Name
            $p.ValueFromPipeline
            $p.ValueFromPipelineByPropertyName
            $p.Mandatory
            """);
        Assert.Equal(new object[] { "BankcardOcr.BankcardNumberInfo", true, true, true }, run.Output.Select(o => o.BaseObject));
    }
}
