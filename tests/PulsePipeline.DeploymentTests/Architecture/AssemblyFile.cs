using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace PulsePipeline.DeploymentTests.Architecture;

/// <summary>What a built assembly references and defines, read from its metadata without loading it.</summary>
internal static class AssemblyFile
{
    public static IReadOnlyList<string> References(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        return [.. reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name))];
    }

    /// <summary>Every type it defines, as namespace.name.</summary>
    public static IReadOnlyList<string> Types(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        return [.. reader.TypeDefinitions.Select(h => reader.GetTypeDefinition(h)).Select(t => $"{reader.GetString(t.Namespace)}.{reader.GetString(t.Name)}")];
    }

    /// <summary>
    /// The project's own assemblies (PulsePipeline.*, pulse) that <paramref name="path"/> references, directly or through
    /// each other, found in <paramref name="directory"/>.
    /// </summary>
    public static IReadOnlySet<string> OwnClosure(string path, string directory)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var next = new Queue<string>([path]);
        while (next.TryDequeue(out var current))
        {
            foreach (var name in References(current).Where(IsOwn))
            {
                var file = Path.Combine(directory, name + ".dll");
                if (seen.Add(name) && File.Exists(file))
                {
                    next.Enqueue(file);
                }
            }
        }

        return seen;
    }

    public static bool IsOwn(string name) => name.StartsWith("PulsePipeline.", StringComparison.Ordinal) || name == "pulse";
}
