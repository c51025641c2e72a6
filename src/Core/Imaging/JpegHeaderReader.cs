namespace BankcardOcr.Imaging
{
    /// <summary>
    /// Finds a JPEG's frame size by walking its markers to the first start-of-frame segment
    /// (ITU-T T.81 / ISO 10918-1, Annex B), skipping every other segment by its length field.
    /// </summary>
    internal static class JpegHeaderReader
    {
        /// <summary>Reads (width, height) or null when no frame header is reached before the data ends or goes wrong.</summary>
        public static (int Width, int Height)? Read(HeaderSource source)
        {
            long offset = 2; // after SOI (FF D8)
            while (true)
            {
                var first = source.Read(offset, 1);
                if (first == null || first[0] != 0xFF)
                {
                    // T.81 B.1.1.2: every marker starts with FF; anything else here means the file is damaged.
                    return null;
                }

                // T.81 B.1.1.2: "any marker may optionally be preceded by any number of fill bytes" (FF).
                byte marker;
                do
                {
                    offset++;
                    var next = source.Read(offset, 1);
                    if (next == null)
                    {
                        return null;
                    }

                    marker = next[0];
                }
                while (marker == 0xFF);

                offset++;
                if (IsStandalone(marker))
                {
                    continue;
                }

                // 00 (a stuffed byte), EOI and SOS before any frame header: there is no frame size to find.
                if (marker == 0x00 || marker == 0xD9 || marker == 0xDA)
                {
                    return null;
                }

                var lengthBytes = source.Read(offset, 2);
                if (lengthBytes == null)
                {
                    return null;
                }

                // T.81 B.1.1.4: the length counts its own two bytes but not the marker.
                var length = (lengthBytes[0] << 8) | lengthBytes[1];
                if (length < 2)
                {
                    return null;
                }

                if (IsStartOfFrame(marker))
                {
                    // T.81 B.2.2: Lf(2) P(1) Y(2) X(2): number of lines, then samples per line.
                    var frame = source.Read(offset + 2, 5);
                    if (frame == null || length < 8)
                    {
                        return null;
                    }

                    var height = (frame[1] << 8) | frame[2];
                    var width = (frame[3] << 8) | frame[4];

                    // Y = 0 defers the height to a DNL marker after the first scan; no header tells it.
                    return width > 0 && height > 0 ? (width, height) : ((int, int)?)null;
                }

                offset += length;
            }
        }

        /// <summary>T.81 Table B.1: SOI, TEM and RST0–7 carry no length field.</summary>
        private static bool IsStandalone(byte marker) =>
            marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);

        /// <summary>
        /// T.81 Table B.1: SOF0–3, 5–7, 9–11, 13–15. C4 (DHT), C8 (JPG, reserved) and CC (DAC) share the range
        /// but are not frame headers.
        /// </summary>
        private static bool IsStartOfFrame(byte marker) =>
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
