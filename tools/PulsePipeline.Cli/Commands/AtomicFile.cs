using System.Text;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// Writes a file all at once or not at all: the text goes to a temporary file in the same directory (so the final
/// rename stays on one file system) which then replaces the target. A reader never sees a half-written publication.
/// </summary>
internal static class AtomicFile
{
    public static void WriteText(string path, Action<TextWriter> write)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(false)))
            {
                write(writer);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
