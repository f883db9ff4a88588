using System.Globalization;
using System.Text;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// Stored text shown in a terminal table as text, whatever it holds: line breaks become "⏎", other control
/// characters "?", and invisible formatting characters (bidi overrides and isolates, zero-width marks) are named as
/// &lt;U+202E&gt;, so a unit id or a note can neither reorder nor hide what is printed beside it.
/// </summary>
internal static class TerminalText
{
    public static string Cell(string value, int maxWidth)
    {
        var shown = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\r' && i + 1 < value.Length && value[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r')
            {
                shown.Append('⏎');
            }
            else if (char.IsControl(c))
            {
                shown.Append('?');
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                shown.Append(CultureInfo.InvariantCulture, $"<U+{(int)c:X4}>");
            }
            else
            {
                shown.Append(c);
            }
        }

        return shown.Length > maxWidth ? shown.ToString(0, maxWidth - 1) + "…" : shown.ToString();
    }
}
