using PulsePipeline.Models.Publication;
using PulsePipeline.Models.Units;

namespace PulsePipeline.UnitTests.Publication;

/// <summary>
/// The privacy invariant checked from its definition, independently of how <see cref="Publisher"/> gets there.
/// </summary>
internal static class PublicationInvariants
{
    public static Dictionary<string, long> RolledUp(UnitTree tree, IReadOnlyDictionary<string, long> direct)
    {
        var total = tree.TopDown.ToDictionary(id => id, _ => 0L, StringComparer.Ordinal);
        foreach (var id in tree.TopDown)
        {
            foreach (var at in tree.PathTo(id))
            {
                total[at] += direct.GetValueOrDefault(id);
            }
        }

        return total;
    }

    /// <summary>
    /// (a) every published unit has n ≥ k; (b) every published unit's n minus the n of its topmost published
    /// descendants is 0 or ≥ k. Returns what is wrong, nothing when the set is safe.
    /// </summary>
    public static List<string> Violations(UnitTree tree, IReadOnlyDictionary<string, long> n, IReadOnlySet<string> published, int k)
    {
        var violations = published.Where(id => n[id] < k).Select(id => $"{id} is published with n = {n[id]} < {k}").ToList();
        var residual = published.ToDictionary(id => id, id => n[id], StringComparer.Ordinal);
        foreach (var id in published)
        {
            var path = tree.PathTo(id);
            var nearest = path.Take(path.Count - 1).LastOrDefault(published.Contains);
            if (nearest is not null)
            {
                residual[nearest] -= n[id];
            }
        }

        violations.AddRange(residual.Where(p => p.Value is > 0 and var r && r < k).Select(p => $"{p.Key} minus its topmost published descendants leaves {p.Value}"));
        return violations;
    }

    /// <summary>
    /// By brute force: every published unit minus every set of disjoint published descendants. Returns a
    /// difference of 1 to k−1 if one exists.
    /// </summary>
    public static string? RecoverableGroup(UnitTree tree, IReadOnlyDictionary<string, long> n, IReadOnlySet<string> published, int k)
    {
        foreach (var ancestor in published)
        {
            var below = published.Where(id => id != ancestor && tree.PathTo(id).Contains(ancestor)).ToList();
            if (below.Count > 16)
            {
                throw new InvalidOperationException("too many published descendants for brute force");
            }

            for (var mask = 1; mask < 1 << below.Count; mask++)
            {
                var chosen = below.Where((_, i) => (mask & (1 << i)) != 0).ToList();
                var disjoint = chosen.All(a => chosen.All(b => a == b || !tree.PathTo(b).Contains(a)));
                var difference = n[ancestor] - chosen.Sum(id => n[id]);
                if (disjoint && difference is > 0 and var d && d < k)
                {
                    return $"{ancestor} − {{{string.Join(", ", chosen)}}} = {difference}";
                }
            }
        }

        return null;
    }
}
