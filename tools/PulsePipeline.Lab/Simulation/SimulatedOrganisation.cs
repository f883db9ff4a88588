using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Roster;

namespace PulsePipeline.Lab.Simulation;

/// <summary>
/// A synthetic organisation for demos, tests and benchmarks: a four-level tree (ministry, directorates-general,
/// directorates, departments) with direct staff at every level, unit sizes from a few people to large
/// departments, and about one in seven employees answering in English. The same seed gives the same roster.
/// </summary>
public static class SimulatedOrganisation
{
    public const int MinUnitSize = 3;

    public static (IReadOnlyList<RosterUnit> Units, IReadOnlyList<RosterEmployee> Employees) Create(int employees, int units, int seed, string emailDomain = "ministerie.example")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 7);
        ArgumentOutOfRangeException.ThrowIfLessThan(employees, units * MinUnitSize);
        var random = new Random(seed);
        var tree = BuildTree(units, random);
        var sizes = Allocate(tree, employees, random);

        var staff = new List<RosterEmployee>(employees);
        for (var u = 0; u < tree.Count; u++)
        {
            for (var i = 0; i < sizes[u]; i++)
            {
                var id = $"e{staff.Count + 1:D6}";
                var language = random.NextDouble() < 0.15 ? Language.En : Language.Nl;
                staff.Add(new RosterEmployee(id, $"{id}@{emailDomain}", language, tree[u].Unit.Id));
            }
        }

        return (tree.Select(t => t.Unit).ToList(), staff);
    }

    private static List<(RosterUnit Unit, int Level)> BuildTree(int count, Random random)
    {
        var generals = Math.Max(2, (int)Math.Round(Math.Sqrt(count) / 3));
        var directoratesEach = Math.Max(2, Math.Min(6, (count - 1 - generals) / (generals * 4)));
        var directorates = generals * directoratesEach;
        var departments = count - 1 - generals - directorates;
        var tree = new List<(RosterUnit, int)> { (new RosterUnit("min", null, "Ministerie (demo)"), 0) };
        for (var g = 0; g < generals; g++)
        {
            tree.Add((new RosterUnit($"dg{g + 1}", "min", $"Directoraat-generaal {Names.General(g)}"), 1));
        }

        for (var d = 0; d < directorates; d++)
        {
            tree.Add((new RosterUnit($"dir{d + 1}", $"dg{(d % generals) + 1}", $"Directie {Names.Directorate(d)}"), 2));
        }

        for (var a = 0; a < departments; a++)
        {
            // Departments go to a random directorate, so some directorates are large and some small.
            var parent = a < directorates ? a : random.Next(directorates);
            tree.Add((new RosterUnit($"afd{a + 1}", $"dir{parent + 1}", $"Afdeling {Names.Department(a)}"), 3));
        }

        return tree;
    }

    /// <summary>Direct staff per unit: small at the top, a long-tailed spread in departments, summing exactly to the total.</summary>
    private static int[] Allocate(List<(RosterUnit Unit, int Level)> tree, int employees, Random random)
    {
        var average = (double)employees / tree.Count;
        var max = Math.Max(80, (int)Math.Ceiling(average * 2.5));
        var weights = tree.Select(t => t.Level < 3 ? 0.35 + random.NextDouble() * 0.3 : Math.Exp(random.NextDouble() * 2.6)).ToArray();
        var scale = employees / weights.Sum();
        var sizes = weights.Select(w => Math.Clamp((int)Math.Round(w * scale), MinUnitSize, max)).ToArray();
        var gap = employees - sizes.Sum();
        while (gap != 0)
        {
            var u = random.Next(sizes.Length);
            var step = Math.Sign(gap);
            if (sizes[u] + step is >= MinUnitSize && sizes[u] + step <= max)
            {
                sizes[u] += step;
                gap -= step;
            }
        }

        return sizes;
    }
}
