using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

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
        public TextHost(System.IO.TextWriter writer, int width = 120)
        {
            _ui = new TextHostUserInterface(writer, width);
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
            private readonly System.IO.TextWriter _writer;
            private readonly TextRawUserInterface _raw;

            public TextHostUserInterface(System.IO.TextWriter writer, int width)
            {
                _writer = writer;
                _raw = new TextRawUserInterface(width);
            }

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

            public override void Write(string value) => _writer.Write(value);

            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => _writer.Write(value);

            public override void WriteLine(string value) => _writer.WriteLine(value);

            public override void WriteErrorLine(string value) => _writer.WriteLine(value);

            public override void WriteDebugLine(string message) => _writer.WriteLine("DEBUG: " + message);

            public override void WriteVerboseLine(string message) => _writer.WriteLine("VERBOSE: " + message);

            public override void WriteWarningLine(string message) => _writer.WriteLine("WARNING: " + message);

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
