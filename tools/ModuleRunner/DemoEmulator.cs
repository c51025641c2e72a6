using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using BankcardOcr.Emulator;

namespace BankcardOcr.ModuleRunner
{
    /// <summary>
    /// The emulator with a folder of sample images, each registered with its own card, for the README's demo.
    /// The images are header-only PNGs: the emulator reads format and size from headers and never decodes
    /// pixels, so these stand in for scans without shipping any card photo.
    /// </summary>
    internal sealed class DemoEmulator : IDisposable
    {
        private static readonly EmulatedCard[] Cards =
        {
            new EmulatedCard { CardNumber = "6228480402564890018", BankName = "中国农业银行", BankCode = "01030000", CardType = "借记卡", CardName = "金穗借记卡", ValidThru = "09/2031" },
            new EmulatedCard { CardNumber = "6225768888888888", BankName = "招商银行", BankCode = "03080000", CardType = "贷记卡", CardName = "招商银行信用卡", ValidThru = "07/2029" },
            new EmulatedCard { CardNumber = "6222020200112233446", BankName = "中国工商银行", BankCode = "01020000", CardType = "借记卡", CardName = "牡丹灵通卡", ValidThru = "12/2030" },
        };

        private readonly CloudEmulator _emulator;
        private readonly string _folder;

        private DemoEmulator(CloudEmulator emulator, string folder)
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
            var emulator = await CloudEmulator.StartAsync().ConfigureAwait(false);
            var folder = Directory.CreateTempSubdirectory("bankcardocr-demo-").FullName;
            for (var i = 0; i < Cards.Length; i++)
            {
                var image = SamplePng(856, 540, "sample card " + i);
                emulator.RegisterCard(image, Cards[i]);
                File.WriteAllBytes(Path.Combine(folder, $"card{i + 1}.png"), image);
            }

            // One file that is not an image at all, to show a per-input error beside the results.
            File.WriteAllText(Path.Combine(folder, "notes.png"), "not an image");
            return new DemoEmulator(emulator, folder);
        }

        public void Dispose()
        {
            _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Directory.Delete(_folder, recursive: true);
        }

        private static byte[] SamplePng(int width, int height, string tag)
        {
            var text = Encoding.ASCII.GetBytes(tag);
            var data = new byte[33 + text.Length];
            new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(data, 0);
            BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), 13);
            Encoding.ASCII.GetBytes("IHDR").CopyTo(data, 12);
            BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(16), (uint)width);
            BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(20), (uint)height);
            data[24] = 8;
            data[25] = 2;
            text.CopyTo(data, 33);
            return data;
        }
    }
}
