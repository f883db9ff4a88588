using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace PulsePipeline.DeploymentTests.Monitoring;

/// <summary>The string literals compiled into an assembly (its #US heap), read without loading it.</summary>
internal static class AssemblyStrings
{
    public static IReadOnlyList<string> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var strings = new List<string>();
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = reader.GetNextHandle(handle))
        {
            strings.Add(reader.GetUserString(handle));
        }

        return strings;
    }

    /// <summary>The one literal containing <paramref name="part"/>; fails when there is none or more than one.</summary>
    public static string Single(string path, string part)
    {
        var found = Read(path).Where(s => s.Contains(part, StringComparison.Ordinal)).Distinct().ToList();
        return found.Count == 1
            ? found[0]
            : throw new InvalidDataException($"{found.Count} string literals in {path} contain \"{part}\": {string.Join(" | ", found)}");
    }
}
