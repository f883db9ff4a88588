using System.Text;

namespace PulsePipeline.Models.Csv;

/// <summary>
/// Splits text into RFC 4180 records. Quoted fields may hold commas, quotes ("") and line breaks. A field longer
/// than the limit is reported and cut, so a hostile file cannot make the reader hold an unbounded string.
/// </summary>
internal sealed class CsvRecordParser(TextReader reader, int maxFieldLength)
{
    private readonly StringBuilder field = new();
    private bool fieldTooLong;

    /// <summary>The line the reader is on (1-based).</summary>
    public int Line { get; private set; } = 1;

    public bool TryReadRecord(out CsvRecord record)
    {
        var start = Line;
        var fields = new List<string>();
        var problems = new List<string>();
        var c = reader.Read();
        if (c < 0)
        {
            record = new CsvRecord(start, fields, problems);
            return false;
        }

        while (true)
        {
            ResetField();
            if (c == '"')
            {
                c = ReadQuoted(problems);
            }
            else
            {
                while (c >= 0 && c != ',' && c != '\n' && c != '\r')
                {
                    if (c == '"')
                    {
                        problems.Add($"field {fields.Count + 1}: a quote inside an unquoted field; quote the whole field and double inner quotes");
                    }

                    Append(c, problems);
                    c = reader.Read();
                }
            }

            fields.Add(field.ToString());
            if (fieldTooLong)
            {
                problems.Add($"field {fields.Count} is longer than {maxFieldLength} characters");
            }

            if (c == ',')
            {
                c = reader.Read();
                continue;
            }

            if (c == '\r' && reader.Peek() == '\n')
            {
                reader.Read();
            }

            if (c >= 0)
            {
                Line++;
            }

            record = new CsvRecord(start, fields, problems);
            return true;
        }
    }

    private int ReadQuoted(List<string> problems)
    {
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                problems.Add("a quoted field is not closed before the end of the file");
                return c;
            }

            if (c == '"')
            {
                if (reader.Peek() == '"')
                {
                    reader.Read();
                    Append('"', problems);
                    continue;
                }

                var next = reader.Read();
                if (next >= 0 && next != ',' && next != '\n' && next != '\r')
                {
                    problems.Add("text after a closing quote; double quotes inside a quoted field");
                    while (next >= 0 && next != ',' && next != '\n' && next != '\r')
                    {
                        next = reader.Read();
                    }
                }

                return next;
            }

            if (c == '\n')
            {
                Line++;
            }

            Append(c, problems);
        }
    }

    private void Append(int c, List<string> problems)
    {
        if (c == '\0')
        {
            problems.Add("a NUL character in a field");
            return;
        }

        if (field.Length < maxFieldLength)
        {
            field.Append((char)c);
        }
        else
        {
            fieldTooLong = true;
        }
    }

    private void ResetField()
    {
        field.Clear();
        fieldTooLong = false;
    }
}
