namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>Every page the workspace has this round, in both languages, over the seeded history.</summary>
internal static class WorkspacePages
{
    public static IEnumerable<string> All()
    {
        string[] pages =
        [
            "/ipim",
            "/ipim/heatmap",
            "/ipim/heatmap?construct=speakup",
            "/ipim/heatmap?view=table",
            $"/ipim/heatmap?to={WorkspaceSeed.Waves[2]}",
            "/ipim/interventions",
            $"/ipim/interventions?type={Models.Interventions.InterventionTypes.MoralDeliberation}&status=running&ministry=BZK",
            "/ipim/catalogue",
            "/ipim/plans",
            "/ipim/search?q=team",
            "/ipim/effects",
            "/ipim/report",
            $"/ipim/report?unit=BZK&from={WorkspaceSeed.Waves[0]}&to={WorkspaceSeed.Waves[^1]}",
            $"/ipim/report?unit=FIN&from={WorkspaceSeed.Waves[2]}&to={WorkspaceSeed.Waves[^1]}",
            .. WorkspaceSeed.Units.Select(u => "/ipim/unit?id=" + Uri.EscapeDataString(u.Id)),
        ];
        return pages.SelectMany(p => new[] { p, p + (p.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=en" });
    }
}
