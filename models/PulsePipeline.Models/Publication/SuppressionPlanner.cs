using PulsePipeline.Models.Units;

namespace PulsePipeline.Models.Publication;

/// <summary>
/// Decides which units are published so that no group of 1 to k−1 respondents can be recovered by subtraction.
/// </summary>
/// <remarks>
/// <para>
/// The residual of a published unit is its n minus the n of its topmost published descendants: the respondents only
/// it covers. Every published unit's n is the sum of the residuals of the published units in its subtree, so if each
/// residual is 0 or at least k, then any published unit minus any set of disjoint published descendants is also a
/// sum of residuals: 0 or at least k.
/// </para>
/// <para>
/// Units are checked bottom-up. A unit with a residual of 1 to k−1 suppresses one of its topmost published
/// descendants D, which moves D's residual (0 or ≥ k) into its own: the smallest D (by n, then id) with a residual
/// ≥ k fixes it at once ("next-smallest sibling first"); if every D has residual 0, the smallest is suppressed to
/// expose its own topmost published descendants, and the search repeats. Suppressing a topmost published descendant
/// changes no residual except the checking unit's, so units checked earlier stay valid. A residual of 1 to k−1
/// implies a published descendant with n ≥ k, hence one with residual ≥ k, so the search always succeeds below; the
/// fallback of suppressing the unit itself is a guard that the argument says is never taken.
/// </para>
/// <para>
/// A later suppression higher up can make an earlier one unnecessary (the ancestor suppressed the unit that needed
/// it). A final pass re-publishes, largest first, every secondarily suppressed unit whose publication keeps all
/// rules, until none can be, so no single secondary suppression can be undone.
/// </para>
/// </remarks>
internal sealed class SuppressionPlanner
{
    private readonly UnitTree tree;
    private readonly IReadOnlyDictionary<string, long> n;
    private readonly int k;
    private readonly Dictionary<string, SuppressionReason> state;

    private SuppressionPlanner(UnitTree tree, IReadOnlyDictionary<string, long> rolledUpN, int k)
    {
        this.tree = tree;
        n = rolledUpN;
        this.k = k;
        state = new Dictionary<string, SuppressionReason>(tree.Count, StringComparer.Ordinal);
    }

    /// <summary>Each unit's outcome, from its rolled-up n (including descendants).</summary>
    public static IReadOnlyDictionary<string, SuppressionReason> Plan(UnitTree tree, IReadOnlyDictionary<string, long> rolledUpN, int k)
    {
        var planner = new SuppressionPlanner(tree, rolledUpN, k);
        planner.Run();
        return planner.state;
    }

    private void Run()
    {
        // TopDown is breadth first, so reversed every unit comes after all of its descendants.
        for (var i = tree.TopDown.Count - 1; i >= 0; i--)
        {
            var id = tree.TopDown[i];
            if (n[id] < k)
            {
                state[id] = SuppressionReason.FewerThanK;
                continue;
            }

            state[id] = SuppressionReason.None;
            Secure(id);
        }

        RepublishUnneeded();
    }

    private bool IsSafe(long residual) => residual == 0 || residual >= k;

    private bool IsPublished(string id) => state[id] == SuppressionReason.None;

    private void Secure(string id)
    {
        var frontier = TopmostPublishedBelow(id);
        var residual = n[id] - frontier.Sum(d => n[d]);
        while (!IsSafe(residual))
        {
            var candidates = frontier.Select(d => (Id: d, Residual: Residual(d))).ToList();
            var fixes = candidates.Where(c => IsSafe(residual + c.Residual)).ToList();
            var helps = candidates.Where(c => c.Residual > 0 || TopmostPublishedBelow(c.Id).Count > 0).ToList();
            if (fixes.Count == 0 && helps.Count == 0)
            {
                state[id] = SuppressionReason.Secondary;
                return;
            }

            var chosen = Smallest(fixes.Count > 0 ? fixes : helps);
            state[chosen.Id] = SuppressionReason.Secondary;
            residual += chosen.Residual;
            frontier.Remove(chosen.Id);
            frontier.AddRange(TopmostPublishedBelow(chosen.Id));
        }
    }

    private (string Id, long Residual) Smallest(List<(string Id, long Residual)> candidates) =>
        candidates.OrderBy(c => n[c.Id]).ThenBy(c => c.Id, StringComparer.Ordinal).First();

    private void RepublishUnneeded()
    {
        var secondary = state.Where(p => p.Value == SuppressionReason.Secondary).Select(p => p.Key)
            .OrderByDescending(id => n[id]).ThenBy(id => id, StringComparer.Ordinal).ToList();
        bool changed;
        do
        {
            changed = false;
            foreach (var id in secondary.Where(id => state[id] == SuppressionReason.Secondary))
            {
                if (CanPublish(id))
                {
                    state[id] = SuppressionReason.None;
                    changed = true;
                }
            }
        }
        while (changed);
    }

    /// <summary>
    /// Publishing a suppressed unit changes only two residuals: its own, and its nearest published ancestor's, which
    /// loses exactly the unit's residual.
    /// </summary>
    private bool CanPublish(string id)
    {
        var own = Residual(id);
        var ancestor = NearestPublishedAncestor(id);
        return IsSafe(own) && (ancestor is null || IsSafe(Residual(ancestor) - own));
    }

    private long Residual(string id) => n[id] - TopmostPublishedBelow(id).Sum(d => n[d]);

    private string? NearestPublishedAncestor(string id)
    {
        for (var at = tree.ParentOf(id); at is not null; at = tree.ParentOf(at))
        {
            if (IsPublished(at))
            {
                return at;
            }
        }

        return null;
    }

    /// <summary>Published descendants with no published unit between them and <paramref name="id"/>.</summary>
    private List<string> TopmostPublishedBelow(string id)
    {
        var found = new List<string>();
        var pending = new Stack<string>(tree.ChildrenOf(id));
        while (pending.TryPop(out var at))
        {
            if (IsPublished(at))
            {
                found.Add(at);
            }
            else
            {
                foreach (var child in tree.ChildrenOf(at))
                {
                    pending.Push(child);
                }
            }
        }

        return found;
    }
}
