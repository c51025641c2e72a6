using System;
using System.Collections.ObjectModel;
using System.Management.Automation;

namespace BankcardOcr.Commands
{
    /// <summary>
    /// The two parameters of <c>Invoke-BankcardRecognition</c> that are dynamic so that <c>Get-Command -Syntax</c> and
    /// <c>Get-Help</c> show only what a user types (PowerShell lists a <c>DontShow</c> parameter and its set all the same):
    /// <list type="bullet">
    /// <item><c>-PathInput</c>, which takes a path string or file piped by value (<see cref="PipedPath"/>), in its own set;</item>
    /// <item><c>-Name</c>, the label of <c>-Image</c> bytes, shown in the Image set only.</item>
    /// </list>
    /// A real call (one in a pipeline) gets both, with <c>-Name</c> in every set but Path, and in Path too when the
    /// command line bound <c>-Path</c> (positional and named arguments bind before dynamic parameters are asked for):
    /// so <c>Invoke-BankcardRecognition card1.jpg -Name foo</c> binds and the cmdlet refuses it with its own message,
    /// and a piped file's <c>Name</c> binds without being used. In the Path set <c>-Name</c> never binds from the
    /// pipeline: PowerShell tries the default set first, and a file's <c>Name</c> alone would pull it into the Path
    /// set, whose mandatory -Path it lacks.
    /// A query of the command's metadata (Get-Command, Get-Help, tab completion: no pipeline) gets <c>-Name</c> in the Image
    /// set alone.
    /// </summary>
    internal sealed class InputParameters
    {
        public const string PathInputSet = "PathInput";
        public const string NameParameter = "Name";
        public const string PathInputParameter = "PathInput";

        private readonly RuntimeDefinedParameterDictionary _parameters = new RuntimeDefinedParameterDictionary();

        /// <summary>The parameters for <paramref name="invocation"/>: all of them in a real call, the visible ones for a metadata query.</summary>
        /// <param name="invocation">The cmdlet's invocation; a pipeline length of 0 means nothing is being run.</param>
        /// <param name="sets">The cmdlet's own parameter sets, the Image set last.</param>
        public InputParameters(InvocationInfo invocation, params string[] sets)
        {
            var imageSet = sets[sets.Length - 1];
            var running = invocation.PipelineLength > 0 || !string.IsNullOrEmpty(invocation.InvocationName);
            var nameAttributes = new Collection<Attribute>();
            if (running)
            {
                // In the Path set only when the command line chose it: a member of every set narrows nothing when it
                // binds from the pipeline, and PowerShell then tries the default Path set alone for converted values,
                // which left a hand-made FileInfo (a Name, no PSPath) unbound instead of converting it to -PathInput.
                var pathChosen = invocation.BoundParameters.ContainsKey(sets[0]);
                foreach (var set in sets)
                {
                    if (set != sets[0] || pathChosen)
                    {
                        nameAttributes.Add(new ParameterAttribute { ParameterSetName = set, ValueFromPipelineByPropertyName = set != sets[0] });
                    }
                }

                nameAttributes.Add(new ParameterAttribute { ParameterSetName = PathInputSet, ValueFromPipelineByPropertyName = true });
                var pathInput = new Collection<Attribute> { new ParameterAttribute { ParameterSetName = PathInputSet, Mandatory = true, ValueFromPipeline = true, DontShow = true } };
                _parameters.Add(PathInputParameter, new RuntimeDefinedParameter(PathInputParameter, typeof(PipedPath), pathInput));
            }
            else
            {
                nameAttributes.Add(new ParameterAttribute { ParameterSetName = imageSet, ValueFromPipelineByPropertyName = true });
            }

            _parameters.Add(NameParameter, new RuntimeDefinedParameter(NameParameter, typeof(string), nameAttributes));
        }

        /// <summary>What <c>GetDynamicParameters</c> returns.</summary>
        public RuntimeDefinedParameterDictionary Dictionary => _parameters;

        /// <summary>The label for <c>-Image</c> bytes, or a piped file's name (unused); null when not bound.</summary>
        public string? Name => _parameters[NameParameter].IsSet ? _parameters[NameParameter].Value as string : null;

        /// <summary>The path or file piped by value, when the PathInput set was chosen.</summary>
        public PipedPath? PathInput => _parameters.TryGetValue(PathInputParameter, out var parameter) && parameter.IsSet ? parameter.Value as PipedPath : null;
    }
}
