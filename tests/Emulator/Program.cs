using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using BankcardOcr.Emulator.Hosting;

namespace BankcardOcr.Emulator;

/// <summary><c>dotnet run --project tests/Emulator [-- --port N]</c>: serves until Ctrl+C or SIGTERM.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var port = 0;
        var options = new EmulatorOptions();
        var stopOnStdinClose = false;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            // The account names can be set so that documented examples (tests/Pester/DocumentedExamples.Tests.ps1)
            // run with the names they print.
            switch (args[i])
            {
                case "--port" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out port): break;
                // Written by a host that runs the emulator as a child process (tests/TestSupport's EmulatorHost).
                case "--options-file":
                    options = JsonSerializer.Deserialize<EmulatorOptions>(await File.ReadAllTextAsync(args[i + 1]), ControlEndpoint.Json)!;
                    break;
                case "--huawei-user": options.HuaweiUserName = args[i + 1]; break;
                case "--huawei-domain": options.HuaweiDomainName = args[i + 1]; break;
                // The host keeps the other end of stdin: when the host ends, even killed, the pipe closes and so does this.
                case "--stop-on-stdin-close": stopOnStdinClose = args[i + 1] == "true"; break;
                default:
                    await Console.Error.WriteLineAsync("usage: BankcardOcr.Emulator [--port N] [--options-file JSON] [--huawei-user NAME] [--huawei-domain NAME] [--stop-on-stdin-close true]");
                    return 2;
            }
        }
        if (args.Length % 2 != 0)
        {
            await Console.Error.WriteLineAsync("usage: BankcardOcr.Emulator [--port N] [--options-file JSON] [--huawei-user NAME] [--huawei-domain NAME] [--stop-on-stdin-close true]");
            return 2;
        }
        await using var emulator = await CloudEmulator.StartAsync(options, port);
        options = emulator.Options;
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
        if (stopOnStdinClose)
        {
            _ = Task.Run(async () =>
            {
                while (await Console.In.ReadLineAsync() is not null)
                {
                }

                stop.TrySetResult();
            });
        }

        await stop.Task;
        return 0;
    }
}
