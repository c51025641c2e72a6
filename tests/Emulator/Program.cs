using System.Globalization;
using System.Runtime.InteropServices;

namespace BankcardOcr.Emulator;

/// <summary><c>dotnet run --project tests/Emulator [-- --port N]</c>: serves until Ctrl+C or SIGTERM.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var port = 0;
        if (args is ["--port", var text] && !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port))
        {
            await Console.Error.WriteLineAsync("usage: BankcardOcr.Emulator [--port N]");
            return 2;
        }
        await using var emulator = await CloudEmulator.StartAsync(null, port);
        var options = emulator.Options;
        // Identifiers only: the secret keys and the password are not printed (see EmulatorOptions for the defaults).
        Console.WriteLine(emulator.BaseAddress);
        Console.WriteLine($"Tencent AppId={options.TencentAppId} SecretId={options.TencentSecretId}");
        Console.WriteLine($"Huawei AK={options.HuaweiAccessKey} ProjectId={options.HuaweiProjectId} Project={options.HuaweiProjectName} Domain={options.HuaweiDomainName} User={options.HuaweiUserName}");
        Console.WriteLine("Press Ctrl+C to stop.");

        var stop = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.TrySetResult();
        };
        // A test runner or service manager stops it with SIGTERM (SIGINT is Ctrl+C above). The empty host
        // builder installs no console lifetime, so without this the signal would be ignored until SIGKILL.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true; // stop through the normal path below, which disposes the server
            stop.TrySetResult();
        });
        await stop.Task;
        return 0;
    }
}
