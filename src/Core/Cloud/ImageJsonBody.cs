using System;
using System.Text.Json;
using BankcardOcr.Cloud.Http;
using BankcardOcr.Calls;
using BankcardOcr.Providers;

namespace BankcardOcr.Cloud
{
    /// <summary>
    /// The JSON body every provider sends for one image: a URL field for URL inputs, otherwise the image as plain
    /// Base64, plus the provider's own fields. Written once into a buffer sized up front, then hashed and sent from
    /// that same buffer, so a Base64 image of several megabytes is never copied.
    /// </summary>
    internal static class ImageJsonBody
    {
        /// <summary>Writes the body.</summary>
        /// <param name="request">The attempt: its input decides URL or image.</param>
        /// <param name="urlField">The provider's name for the URL field, e.g. <c>ImageUrl</c>.</param>
        /// <param name="imageField">The provider's name for the Base64 field, e.g. <c>ImageBase64</c>.</param>
        /// <param name="before">Fields written before the image (e.g. the legacy API's appid), or null.</param>
        /// <param name="after">Fields written after it (switches), or null.</param>
        /// <param name="extraCapacity">Bytes the provider's own fields may need beyond the spare 512.</param>
        public static BodyBuffer Write(
            ProviderRequest request,
            string urlField,
            string imageField,
            Action<Utf8JsonWriter>? before = null,
            Action<Utf8JsonWriter>? after = null,
            int extraCapacity = 0)
        {
            var url = request.Input.Kind == RecognitionInputKind.Url ? request.Input.Url!.AbsoluteUri : null;
            // Base64 grows 4/3; a URL may be escaped up to 6x in JSON.
            var sourceBytes = url != null ? 6 * url.Length : (request.Image!.Length + 2) / 3 * 4;
            var buffer = new BodyBuffer(sourceBytes + 512 + extraCapacity);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                before?.Invoke(writer);
                if (url != null)
                {
                    writer.WriteString(urlField, url);
                }
                else
                {
                    // Plain Base64 with no data: prefix: every provider documents it so.
                    writer.WriteBase64String(imageField, request.Image);
                }

                after?.Invoke(writer);
                writer.WriteEndObject();
            }

            return buffer;
        }
    }
}
