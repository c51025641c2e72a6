using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace BankcardOcr.Cards
{
    /// <summary>One row of the Chinese bank BIN table: an issuer prefix for card numbers of one length.</summary>
    public sealed class BinEntry
    {
        internal BinEntry(string prefix, string bankCode, string bankName, CardType cardType, int length)
        {
            Prefix = prefix;
            BankCode = bankCode;
            BankName = bankName;
            CardType = cardType;
            Length = length;
        }

        /// <summary>The issuer prefix, 3 to 10 digits.</summary>
        public string Prefix { get; }

        /// <summary>The table's bank abbreviation, e.g. <c>ABC</c>.</summary>
        public string BankCode { get; }

        /// <summary>The bank's Chinese name, e.g. <c>中国农业银行</c>; the abbreviation when the table has no name.</summary>
        public string BankName { get; }

        /// <summary>Debit, credit, quasi-credit or prepaid.</summary>
        public CardType CardType { get; }

        /// <summary>The full card-number length the prefix is issued with.</summary>
        public int Length { get; }
    }

    /// <summary>
    /// The Chinese bank BIN table (hexindai/bcbc v0.0.16, data/bin.csv and data/name.csv, MIT licence),
    /// embedded in this assembly. It is parsed once, on first use, by whichever thread asks first.
    /// </summary>
    public static class BinTable
    {
        private const int ShortestPrefix = 3;
        private const int LongestPrefix = 10;

        // Lazy<T> in its default (ExecutionAndPublication) mode parses exactly once even under concurrent first use.
        private static readonly Lazy<Index> Table = new Lazy<Index>(Load);

        /// <summary>The number of rows in the table.</summary>
        public static int Count => Table.Value.Count;

        /// <summary>
        /// Finds the issuer of a card number by the longest matching prefix. Some prefixes are listed twice
        /// with different card lengths (e.g. 622302 is a 16-digit GDRCC card and an 18-digit ICBC card), so a
        /// row issued with the number's own length wins; failing that, the longest prefix of any length.
        /// </summary>
        /// <param name="digits">The card number, digits only.</param>
        /// <returns>The matching row, or null when no prefix matches.</returns>
        public static BinEntry? Lookup(string digits)
        {
            if (digits is null)
            {
                throw new ArgumentNullException(nameof(digits));
            }

            var index = Table.Value;
            return index.Find(digits, digits.Length) ?? index.Find(digits, lengthOrAny: 0);
        }

        private static Index Load()
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in ReadCsv("BankcardOcr.Data.name.csv"))
            {
                if (row.Length >= 2 && row[0].Length > 0)
                {
                    names[row[0]] = row[1];
                }
            }

            var index = new Index();
            foreach (var row in ReadCsv("BankcardOcr.Data.bin.csv"))
            {
                if (row.Length < 4 || !CardNumberRules.IsAsciiDigits(row[0]) || !int.TryParse(row[3], out var length))
                {
                    continue;
                }

                var bankName = names.TryGetValue(row[1], out var name) && name.Length > 0 ? name : row[1];
                index.Add(new BinEntry(row[0], row[1], bankName, ParseType(row[2]), length));
            }

            return index;
        }

        private static CardType ParseType(string code)
        {
            switch (code)
            {
                case "DC": return CardType.Debit;
                case "CC": return CardType.Credit;
                case "SCC": return CardType.QuasiCredit;
                case "PC": return CardType.Prepaid;
                default: return CardType.Unknown;
            }
        }

        private static IEnumerable<string[]> ReadCsv(string resourceName)
        {
            using var stream = typeof(BinTable).Assembly.GetManifestResourceStream(resourceName)
                ?? throw new InvalidOperationException($"The embedded resource '{resourceName}' is missing from BankcardOcr.Core.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            reader.ReadLine(); // header
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                line = line.Trim();
                if (line.Length > 0)
                {
                    yield return line.Split(',');
                }
            }
        }

        private sealed class Index
        {
            // Keyed by (card length, prefix); length 0 holds the first row seen for each prefix, whatever its length.
            private readonly Dictionary<long, BinEntry> _rows = new Dictionary<long, BinEntry>();

            public int Count { get; private set; }

            public void Add(BinEntry entry)
            {
                Count++;
                var prefix = long.Parse(entry.Prefix, System.Globalization.CultureInfo.InvariantCulture);
                if (!_rows.ContainsKey(Key(entry.Length, entry.Prefix.Length, prefix)))
                {
                    _rows[Key(entry.Length, entry.Prefix.Length, prefix)] = entry;
                }

                if (!_rows.ContainsKey(Key(0, entry.Prefix.Length, prefix)))
                {
                    _rows[Key(0, entry.Prefix.Length, prefix)] = entry;
                }
            }

            public BinEntry? Find(string digits, int lengthOrAny)
            {
                for (var prefixLength = Math.Min(LongestPrefix, digits.Length); prefixLength >= ShortestPrefix; prefixLength--)
                {
                    var prefix = CardNumberRules.PrefixValue(digits, prefixLength);
                    if (_rows.TryGetValue(Key(lengthOrAny, prefixLength, prefix), out var entry))
                    {
                        return entry;
                    }
                }

                return null;
            }

            // Prefix length is part of the key so that "0103" and "103" stay distinct.
            private static long Key(int cardLength, int prefixLength, long prefix) =>
                (((long)cardLength * 100) + prefixLength) * 10_000_000_000L + prefix;
        }
    }
}
