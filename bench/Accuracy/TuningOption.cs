using System.Globalization;
using System.Reflection;
using BankcardOcr.Providers.Local;

namespace BankcardOcr.Accuracy;

/// <summary>--tuning NAME=VALUE: one of the recognizer's thresholds changed for a measuring run.</summary>
internal static class TuningOption
{
    public static void Apply(RecognizerTuning tuning, string assignment)
    {
        var parts = assignment.Split('=', 2);
        var property = parts.Length == 2
            ? typeof(RecognizerTuning).GetProperty(parts[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
            : null;
        if (property is null || !property.CanWrite || !(property.PropertyType == typeof(int) || property.PropertyType == typeof(float) || property.PropertyType == typeof(bool)))
        {
            var names = typeof(RecognizerTuning).GetProperties().Where(p => p.CanWrite && p.PropertyType.IsPrimitive).Select(p => p.Name);
            throw new ArgumentException($"--tuning takes NAME=VALUE with NAME one of {string.Join(", ", names)}; not '{assignment}'.");
        }

        property.SetValue(tuning, Convert.ChangeType(parts[1], property.PropertyType, CultureInfo.InvariantCulture));
        Console.Error.WriteLine($"tuning: {property.Name} = {property.GetValue(tuning)}");
    }
}
