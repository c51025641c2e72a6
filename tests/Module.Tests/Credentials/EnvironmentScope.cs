namespace BankcardOcr.Module.Tests.Credentials;

/// <summary>
/// Tests that read the credential environment variables share process-wide state, so they run one at a time
/// and apart from every other collection.
/// </summary>
[CollectionDefinition("Environment", DisableParallelization = true)]
public sealed class EnvironmentCollection
{
}

/// <summary>Sets (or, with null, removes) environment variables for one test and restores the previous values on Dispose.</summary>
internal sealed class EnvironmentScope : IDisposable
{
    /// <summary>Every variable the resolver reads: each test starts from none of them set.</summary>
    public static readonly string[] CredentialVariables =
    {
        "TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_PROJECT_ID",
    };

    private readonly Dictionary<string, string?> _saved = new();

    public EnvironmentScope(params (string Name, string? Value)[] values)
    {
        foreach (var name in CredentialVariables)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, null);
        }

        foreach (var (name, value) in values)
        {
            if (!_saved.ContainsKey(name))
            {
                _saved[name] = Environment.GetEnvironmentVariable(name);
            }

            // SetEnvironmentVariable treats "" as removal; the resolver must also treat a blank value as absent,
            // so blank values are written as a single space to reach it.
            Environment.SetEnvironmentVariable(name, value == "" ? " " : value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
