using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace BankcardOcr.Providers.Tencent
{
    /// <summary>
    /// Names for the <c>WarningCode</c> values of a BankCardOCR response (docs/tencentcloud.md §2.3); the names are
    /// what the result's <c>Warnings</c> column shows.
    /// </summary>
    public static class TencentWarnings
    {
        private static readonly Dictionary<long, string> NameByCode = new Dictionary<long, string>
        {
            [-9110] = "InvalidDate",
            [-9111] = "IncompleteBorder",
            [-9112] = "Glare",
            [-9113] = "Copy",
            [-9114] = "Reshoot",
        };

        /// <summary>The documented warning codes and their names.</summary>
        public static IReadOnlyDictionary<long, string> Names => NameByCode;

        /// <summary>The name of a warning code; an undocumented code is kept as its number, so it is not lost.</summary>
        /// <param name="code">A <c>WarningCode</c> value, e.g. <c>-9114</c>.</param>
        public static string GetName(long code) =>
            NameByCode.TryGetValue(code, out var name) ? name : code.ToString(CultureInfo.InvariantCulture);

        /// <summary>The names joined with <c>;</c> in the service's order, e.g. <c>Reshoot;Glare</c>; empty for null or none.</summary>
        /// <param name="codes">The response's <c>WarningCode</c> array, which may be null.</param>
        public static string Join(IEnumerable<long>? codes) =>
            codes is null ? string.Empty : string.Join(";", codes.Distinct().Select(GetName));
    }
}
