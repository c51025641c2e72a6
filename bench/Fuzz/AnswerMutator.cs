using System.Text;
using System.Text.Json.Nodes;

namespace BankcardOcr.Fuzz;

/// <summary>
/// Makes provider answer bodies from documented templates: values swapped for other JSON types, fields
/// removed or nulled, huge strings and numbers, deep nesting, invalid UTF-8, HTML pages, empty and cut-off
/// bodies. Everything comes from the <see cref="Random"/> it is given, so a seed replays a run exactly.
/// </summary>
public static class AnswerMutator
{
    private static readonly string[] HtmlPages =
    [
        "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
        "<!DOCTYPE html><html><body>Service Unavailable</body></html>",
        "Too Many Requests",
    ];

    /// <summary>One body made from <paramref name="template"/> (a documented answer, as JSON text).</summary>
    public static byte[] Next(Random random, string template)
    {
        switch (random.Next(10))
        {
            case 0: return Whole(random);
            case 1: return Bytes(random, Encoding.UTF8.GetBytes(template));
            case 2: return Truncate(random, Encoding.UTF8.GetBytes(template));
            default:
                var node = JsonNode.Parse(template)!;
                var changes = 1 + random.Next(3);
                for (var i = 0; i < changes; i++)
                {
                    Mutate(random, node);
                }

                return Encoding.UTF8.GetBytes(node.ToJsonString());
        }
    }

    /// <summary>A body unrelated to the template: empty, HTML, bare JSON scalars, deep nesting, noise.</summary>
    private static byte[] Whole(Random random) => random.Next(8) switch
    {
        0 => [],
        1 => Encoding.UTF8.GetBytes(HtmlPages[random.Next(HtmlPages.Length)]),
        2 => Encoding.UTF8.GetBytes(new[] { "null", "[]", "{}", "\"text\"", "0", "true", "1e999" }[random.Next(7)]),
        3 => Encoding.UTF8.GetBytes(Deep(random, 1 + random.Next(5000))),
        4 => Noise(random, random.Next(2048)),
        5 => [0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}'],
        6 => Encoding.UTF8.GetBytes("{\"Response\":" + Deep(random, 64 + random.Next(2000)) + "}"),
        _ => Encoding.UTF8.GetBytes(new string(' ', random.Next(4096))),
    };

    private static void Mutate(Random random, JsonNode root)
    {
        var (parent, key, index) = PickSlot(random, root);
        if (parent is JsonObject obj && key != null)
        {
            switch (random.Next(4))
            {
                case 0: obj.Remove(key); break;
                case 1: obj[key] = null; break;
                default: obj[key] = Value(random); break;
            }
        }
        else if (parent is JsonArray array && index >= 0)
        {
            if (random.Next(3) == 0)
            {
                array.RemoveAt(index);
            }
            else
            {
                array[index] = Value(random);
            }
        }
        else if (root is JsonObject top)
        {
            top["extra" + random.Next(10)] = Value(random);
        }
    }

    /// <summary>A random place in the tree: an object property or an array element, at any depth.</summary>
    private static (JsonNode? Parent, string? Key, int Index) PickSlot(Random random, JsonNode root)
    {
        var slots = new List<(JsonNode, string?, int)>();
        Collect(root, slots);
        return slots.Count == 0 ? (null, null, -1) : slots[random.Next(slots.Count)];
    }

    private static void Collect(JsonNode? node, List<(JsonNode, string?, int)> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var property in obj.ToList())
                {
                    slots.Add((obj, property.Key, -1));
                    Collect(property.Value, slots);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, null, i));
                    Collect(array[i], slots);
                }

                break;
        }
    }

    /// <summary>A value of any JSON type, often an awkward one.</summary>
    private static JsonNode? Value(Random random) => random.Next(14) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(int.MinValue, int.MaxValue)),
        2 => JsonValue.Create(random.NextDouble() * 1e300),
        3 => JsonNode.Parse(new[] { "1e400", "-1e400", "123456789012345678901234567890", "0.0000000000000000000001", "-0" }[random.Next(5)]),
        4 => JsonValue.Create(random.Next(2) == 0),
        5 => new JsonObject { ["a"] = 1 },
        6 => new JsonArray(1, "x", null),
        7 => JsonValue.Create(new string('9', random.Next(64) == 0 ? 3_000_000 : 1 + random.Next(64))),
        8 => JsonValue.Create(new string('银', random.Next(16) == 0 ? 100_000 : 1 + random.Next(300))),
        9 => JsonValue.Create(string.Empty),
        10 => JsonValue.Create("6225 7688 8888 8888"),
        11 => JsonValue.Create(new[] { "13/2020", "长期", "00/0000", "12/99", "2023年13月", "\u0000", "6225768888888888" }[random.Next(7)]),
        12 => JsonNode.Parse(Deep(random, 1 + random.Next(50))), // JsonNode writes at most 64 levels
        _ => JsonValue.Create(Printable(random, random.Next(40))),
    };

    private static string Deep(Random random, int depth)
    {
        var open = random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var builder = new StringBuilder(depth * 6);
        for (var i = 0; i < depth; i++)
        {
            builder.Append(open);
        }

        builder.Append('1');
        for (var i = 0; i < depth; i++)
        {
            builder.Append(close);
        }

        return builder.ToString();
    }

    /// <summary>Bytes flipped, replaced by invalid UTF-8, or duplicated, in place of the template's text.</summary>
    private static byte[] Bytes(Random random, byte[] body)
    {
        var data = body.ToList();
        var changes = 1 + random.Next(8);
        for (var i = 0; i < changes && data.Count > 0; i++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(4))
            {
                case 0: data[at] = (byte)random.Next(256); break;
                case 1: data.InsertRange(at, new byte[] { 0xC3, 0x28, 0xFF, 0xFE }.Take(1 + random.Next(4))); break;
                case 2: data.RemoveAt(at); break;
                default: data.InsertRange(at, data.Skip(at).Take(random.Next(32)).ToList()); break;
            }
        }

        return [.. data];
    }

    private static byte[] Truncate(Random random, byte[] body) => body.AsSpan(0, random.Next(body.Length + 1)).ToArray();

    private static byte[] Noise(Random random, int length)
    {
        var data = new byte[length];
        random.NextBytes(data);
        return data;
    }

    private static string Printable(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)random.Next(32, 0x9FFF);
        }

        return new string(chars);
    }
}
