using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using BankcardOcr.Calls;

namespace BankcardOcr.Commands
{
    /// <summary>
    /// Reads <c>-Uri</c> text as PowerShell would (absolute or relative), except text .NET cannot read as a URL at all,
    /// such as <c>file://user:password@host/x</c>: PowerShell's own conversion error would quote it whole, user
    /// information (a secret) included, and end the call. Such text becomes a relative URL of the text without its
    /// user information, which the per-input rule then refuses as <c>InvalidUri</c>, naming it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ImageUrlArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <summary>Turns unreadable URL text into a URL; leaves everything else to PowerShell's conversion.</summary>
        /// <param name="engineIntrinsics">Unused.</param>
        /// <param name="inputData">The bound value: a string, a URL, or a list of them.</param>
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string text)
            {
                return Read(text);
            }

            if (value is IList list && !(value is byte[]))
            {
                var items = new List<object?>(list.Count);
                foreach (var item in list)
                {
                    items.Add(item is string s ? Read(s) : item is PSObject { BaseObject: string t } ? Read(t) : item);
                }

                return items.ToArray();
            }

            return inputData;
        }

        private static object Read(string text) =>
            Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var url)
                ? url
                : new Uri(Uri.EscapeDataString(UrlUserInfo.Remove(text)), UriKind.Relative);
    }
}
