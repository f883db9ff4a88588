using System.Text.RegularExpressions;

namespace PulsePipeline.DeploymentTests.Architecture;

/// <summary>
/// What the pure domain (models/) may not call: file, network, process, console, clock and machine reads. Comments
/// are left out before matching, so a doc comment may name what the hosts call.
/// </summary>
internal static partial class DomainPurity
{
    /// <summary>Each forbidden use, with what it reads.</summary>
    public static readonly IReadOnlyList<(string Name, Regex Pattern)> Forbidden =
    [
        ("file system", FileSystem()),
        ("a file by path", StreamByPath()),
        ("the clock", Clock()),
        ("the environment", EnvironmentRead()),
        ("the machine's time zones", TimeZones()),
        ("the network", Network()),
        ("a process or the console", ProcessOrConsole()),
    ];

    /// <summary>Every forbidden use in <paramref name="source"/>: line number, what it reads, the line.</summary>
    public static IEnumerable<(int Line, string What, string Text)> Violations(string source)
    {
        var lines = WithoutCommentsAndStrings(source).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var (name, pattern) in Forbidden)
            {
                if (pattern.IsMatch(lines[i]))
                {
                    yield return (i + 1, name, lines[i].Trim());
                }
            }
        }
    }

    /// <summary>The source with comments blanked (line breaks kept) and string literals as they are.</summary>
    public static string WithoutComments(string source) =>
        CommentsAndStrings().Replace(source, m => m.Value.StartsWith('/') ? new string(m.Value.Where(c => c == '\n').ToArray()) : m.Value);

    /// <summary>
    /// The source with comments and the text of string literals blanked (line breaks kept, so line numbers stay true):
    /// a message may name what the domain must not call.
    /// </summary>
    public static string WithoutCommentsAndStrings(string source) =>
        CommentsAndStrings().Replace(source, m => new string(m.Value.Where(c => c == '\n').ToArray()));

    [GeneratedRegex(@"\b(File|Directory|FileInfo|DirectoryInfo|DriveInfo|FileSystemWatcher|FileStream)\b\s*[.(]|\bnew\s+(FileStream|FileInfo|DirectoryInfo)\b|\bPath\.(GetFullPath|GetTempPath|GetTempFileName)\b")]
    private static partial Regex FileSystem();

    [GeneratedRegex(@"\bnew\s+(StreamReader|StreamWriter)\s*\(")]
    private static partial Regex StreamByPath();

    [GeneratedRegex(@"\b(DateTime|DateTimeOffset)\.(Now|UtcNow|Today)\b|\bTimeProvider\.System\b|\bStopwatch\b|\bEnvironment\.TickCount")]
    private static partial Regex Clock();

    [GeneratedRegex(@"\bEnvironment\.")]
    private static partial Regex EnvironmentRead();

    [GeneratedRegex(@"\bTimeZoneInfo\.(FindSystemTimeZoneById|Local|GetSystemTimeZones|TryFindSystemTimeZoneById)\b")]
    private static partial Regex TimeZones();

    [GeneratedRegex(@"\b(HttpClient|WebClient|TcpClient|UdpClient|Socket|Dns|SmtpClient)\b")]
    private static partial Regex Network();

    [GeneratedRegex(@"\b(Process|Console)\.")]
    private static partial Regex ProcessOrConsole();

    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""|@""(?:[^""]|"""")*""|//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CommentsAndStrings();
}
