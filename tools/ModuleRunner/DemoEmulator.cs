using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Threading.Tasks;
using BankcardOcr.Emulator;
using BankcardOcr.TestSupport;

namespace BankcardOcr.ModuleRunner
{
    /// <summary>
    /// The emulator with a folder of sample images, each registered with its own card, for the README's demo. It runs
    /// as a child process (<see cref="EmulatorHost"/>), so ASP.NET Core never loads beside the module here either. The
    /// images are header-only PNGs: the emulator reads format and size from headers and never decodes pixels, so these
    /// stand in for scans without shipping any card photo.
    /// </summary>
    internal sealed class DemoEmulator : IDisposable
    {
        private static readonly EmulatedCard[] Cards =
        {
            new EmulatedCard { CardNumber = "6228480402564890018", BankName = "中国农业银行", BankCode = "01030000", CardType = "借记卡", CardName = "金穗借记卡", ValidThru = "09/2031" },
            new EmulatedCard { CardNumber = "6225768888888888", BankName = "招商银行", BankCode = "03080000", CardType = "贷记卡", CardName = "招商银行信用卡", ValidThru = "07/2029" },
            new EmulatedCard { CardNumber = "6222020200112233446", BankName = "中国工商银行", BankCode = "01020000", CardType = "借记卡", CardName = "牡丹灵通卡", ValidThru = "12/2030" },
        };

        private readonly EmulatorHost _emulator;
        private readonly string _folder;

        private DemoEmulator(EmulatorHost emulator, string folder)
        {
            _emulator = emulator;
            _folder = folder;
            var options = emulator.Options;
            Variables = new Dictionary<string, object>
            {
                ["Emulator"] = emulator.BaseAddress.AbsoluteUri,
                ["EmulatorCredential"] = new PSCredential(options.TencentSecretId, new NetworkCredential(string.Empty, options.TencentSecretKey).SecurePassword),
                ["EmulatorAppId"] = options.TencentAppId,
                ["SampleFolder"] = folder,
            };
        }

        public IReadOnlyDictionary<string, object> Variables { get; }

        public static async Task<DemoEmulator> StartAsync()
        {
            var emulator = await EmulatorHost.StartAsync().ConfigureAwait(false);
            var folder = Directory.CreateTempSubdirectory("bankcardocr-demo-").FullName;
            for (var i = 0; i < Cards.Length; i++)
            {
                var image = TestImages.Png(tag: "sample card " + i);
                emulator.RegisterCard(image, Cards[i]);
                File.WriteAllBytes(Path.Combine(folder, $"card{i + 1}.png"), image);
            }

            // One file that is not an image at all, to show a per-input error beside the results.
            File.WriteAllText(Path.Combine(folder, "notes.png"), "not an image");
            return new DemoEmulator(emulator, folder);
        }

        public void Dispose()
        {
            _emulator.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
