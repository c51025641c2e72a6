using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text.RegularExpressions;

namespace BankcardOcr.ModuleRunner
{
    /// <summary>
    /// A non-interactive PowerShell host that writes what <c>Out-Default</c> renders to a <see cref="TextWriter"/>.
    /// The engine package has no console host; with this one the module's format views render exactly as
    /// they would in a console of the given width. Prompts fail, as they would in an unattended job.
    /// </summary>
    public sealed class TextHost : PSHost
    {
        private readonly TextHostUserInterface _ui;

        /// <summary>Creates a host writing to <paramref name="writer"/> with a buffer <paramref name="width"/> columns wide.</summary>
        /// <param name="writer">Where rendered text goes.</param>
        /// <param name="width">The console width the format engine lays tables out for.</param>
        /// <param name="plainText">Strip ANSI styling, for text that goes to a file, a pipe or a test.</param>
        public TextHost(System.IO.TextWriter writer, int width = 120, bool plainText = true)
        {
            _ui = new TextHostUserInterface(writer, width, plainText);
        }

        /// <inheritdoc />
        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

        /// <inheritdoc />
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

        /// <inheritdoc />
        public override Guid InstanceId { get; } = Guid.NewGuid();

        /// <inheritdoc />
        public override string Name => "BankcardOcr.TextHost";

        /// <inheritdoc />
        public override PSHostUserInterface UI => _ui;

        /// <inheritdoc />
        public override Version Version => new Version(1, 0);

        /// <inheritdoc />
        public override void EnterNestedPrompt() => throw new NotSupportedException("Nested prompts are not supported.");

        /// <inheritdoc />
        public override void ExitNestedPrompt() => throw new NotSupportedException("Nested prompts are not supported.");

        /// <inheritdoc />
        public override void NotifyBeginApplication()
        {
        }

        /// <inheritdoc />
        public override void NotifyEndApplication()
        {
        }

        /// <inheritdoc />
        public override void SetShouldExit(int exitCode)
        {
        }

        private sealed class TextHostUserInterface : PSHostUserInterface
        {
            // CSI sequences such as ESC[32;1m that $PSStyle puts around table headers and error text.
            private static readonly Regex AnsiSequence = new Regex("\u001b\\[[0-9;?]*[A-Za-z]", RegexOptions.Compiled);

            private readonly System.IO.TextWriter _writer;
            private readonly TextRawUserInterface _raw;
            private readonly bool _plainText;

            public TextHostUserInterface(System.IO.TextWriter writer, int width, bool plainText)
            {
                _writer = writer;
                _raw = new TextRawUserInterface(width);
                _plainText = plainText;
            }

            public override bool SupportsVirtualTerminal => !_plainText;

            public override PSHostRawUserInterface RawUI => _raw;

            public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) =>
                throw new PSInvalidOperationException("This host is non-interactive and cannot prompt.");

            public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice) =>
                throw new PSInvalidOperationException("This host is non-interactive and cannot prompt.");

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
                throw new PSInvalidOperationException("This host is non-interactive and cannot prompt.");

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
                throw new PSInvalidOperationException("This host is non-interactive and cannot prompt.");

            public override string ReadLine() => throw new PSInvalidOperationException("This host is non-interactive and cannot read input.");

            public override SecureString ReadLineAsSecureString() => throw new PSInvalidOperationException("This host is non-interactive and cannot read input.");

            public override void Write(string value) => _writer.Write(Render(value));

            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => _writer.Write(Render(value));

            public override void WriteLine(string value) => _writer.WriteLine(Render(value));

            public override void WriteErrorLine(string value) => _writer.WriteLine(Render(value));

            public override void WriteDebugLine(string message) => _writer.WriteLine("DEBUG: " + Render(message));

            public override void WriteVerboseLine(string message) => _writer.WriteLine("VERBOSE: " + Render(message));

            public override void WriteWarningLine(string message) => _writer.WriteLine("WARNING: " + Render(message));

            private string Render(string value) => _plainText && value != null ? AnsiSequence.Replace(value, string.Empty) : value ?? string.Empty;

            public override void WriteProgress(long sourceId, ProgressRecord record)
            {
            }
        }

        private sealed class TextRawUserInterface : PSHostRawUserInterface
        {
            public TextRawUserInterface(int width)
            {
                BufferSize = new Size(width, 9999);
                WindowSize = new Size(width, 50);
            }

            public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

            public override Size BufferSize { get; set; }

            public override Coordinates CursorPosition { get; set; }

            public override int CursorSize { get; set; }

            public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

            public override bool KeyAvailable => false;

            public override Size MaxPhysicalWindowSize => WindowSize;

            public override Size MaxWindowSize => WindowSize;

            public override Coordinates WindowPosition { get; set; }

            public override Size WindowSize { get; set; }

            public override string WindowTitle { get; set; } = string.Empty;

            public override void FlushInputBuffer()
            {
            }

            // Bank names are Chinese: East Asian wide characters take two cells, as in a real console, so
            // table columns line up.
            public override int LengthInBufferCells(string source)
            {
                var cells = 0;
                foreach (var c in source ?? string.Empty)
                {
                    cells += LengthInBufferCells(c);
                }

                return cells;
            }

            public override int LengthInBufferCells(string source, int offset) =>
                LengthInBufferCells((source ?? string.Empty).Substring(offset));

            public override int LengthInBufferCells(char source) =>
                (source >= '\u1100' && source <= '\u115F') || (source >= '\u2E80' && source <= '\uA4CF') ||
                (source >= '\uAC00' && source <= '\uD7A3') || (source >= '\uF900' && source <= '\uFAFF') ||
                (source >= '\uFE30' && source <= '\uFE4F') || (source >= '\uFF00' && source <= '\uFF60') ||
                (source >= '\uFFE0' && source <= '\uFFE6') ? 2 : 1;

            public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();

            public override KeyInfo ReadKey(ReadKeyOptions options) => throw new PSInvalidOperationException("This host is non-interactive.");

            public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill)
            {
            }

            public override void SetBufferContents(Coordinates origin, BufferCell[,] contents)
            {
            }

            public override void SetBufferContents(Rectangle rectangle, BufferCell fill)
            {
            }
        }
    }
}
