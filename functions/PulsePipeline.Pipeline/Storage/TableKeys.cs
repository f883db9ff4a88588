using System.Text;

namespace PulsePipeline.Pipeline.Storage;

/// <summary>
/// Table Storage forbids '/', '\', '#', '?' and control characters in partition and row keys. Ids keep every
/// character HR gave them (PulsePipeline.Models.Identifiers.Identifier), so a key is an encoding of the id: those
/// characters, and '%' itself, become %XX (upper-case hex of the UTF-16 code unit, %uXXXX above U+00FF), everything
/// else stays as it is. The encoding is reversible and keeps ids that need no escaping unchanged, so existing keys
/// such as "afd12" read the same.
/// </summary>
public static class TableKeys
{
    public static string Encode(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.AsSpan().IndexOfAny("/\\#?%") < 0 && !id.Any(char.IsControl))
        {
            return id;
        }

        var key = new StringBuilder(id.Length + 8);
        foreach (var c in id)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                key.Append(c <= 0xFF ? $"%{(int)c:X2}" : $"%u{(int)c:X4}");
            }
            else
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }

    /// <exception cref="FormatException">The key was not written by <see cref="Encode"/>.</exception>
    public static string Decode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Contains('%', StringComparison.Ordinal))
        {
            return key;
        }

        var id = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] != '%')
            {
                id.Append(key[i]);
                continue;
            }

            var wide = i + 1 < key.Length && key[i + 1] == 'u';
            var digits = wide ? 4 : 2;
            var start = i + 1 + (wide ? 1 : 0);
            if (start + digits > key.Length || !int.TryParse(key.AsSpan(start, digits), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                throw new FormatException($"'{key}' is not an encoded table key: a '%' without its hex digits at position {i + 1}");
            }

            id.Append((char)code);
            i = start + digits - 1;
        }

        return id.ToString();
    }
}
