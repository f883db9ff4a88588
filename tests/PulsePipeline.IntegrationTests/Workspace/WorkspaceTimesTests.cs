using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// The audit keeps the day and nothing finer, and so do the pages: no page shows, and no form carries, a time of
/// day — neither "13:47" nor an ISO time ("T13:47", percent-encoded "T13%3A47" as a storage ETag spells it), on
/// every page an editor can open, the audit and the edit forms included.
/// </summary>
[Collection(SharedWorkspace.Name)]
public sealed partial class WorkspaceTimesTests(WorkspaceFixture workspace)
{
    [Fact]
    public async Task NoPageShows_AndNoFormCarries_ATimeOfDay()
    {
        using var client = workspace.Client();
        var cookie = workspace.Cookie("Eva Editor", WorkspaceRoles.Editor);
        var interventions = await workspace.Pipeline.Get<InterventionStore>().ListAsync(null, CancellationToken.None);
        string[] editors = ["/ipim/audit", "/ipim/audit?lang=en", "/ipim/interventions/new", "/ipim/signin", .. interventions.Select(i => "/ipim/interventions/edit?id=" + i.Intervention.Id)];
        var checkedFields = 0;
        foreach (var url in WorkspacePages.All().Concat(editors))
        {
            using var response = await WorkspaceHttp.GetAsync(client, url, cookie);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            Assert.DoesNotMatch(TimeOfDay(), document.Body!.TextContent);
            foreach (var field in document.QuerySelectorAll("input, textarea, option"))
            {
                var value = field.GetAttribute("value") ?? field.TextContent;
                Assert.False(TimeOfDay().IsMatch(value), $"{url}: {field.GetAttribute("name")} carries \"{value}\"");
                checkedFields++;
            }
        }

        // The edit forms were among them, each with its version; and the pattern catches what it looks for.
        Assert.True(checkedFields > interventions.Count * 5, $"only {checkedFields} form fields");
        Assert.Matches(TimeOfDay(), "W/\"datetime'2027-03-01T10%3A00%3A00.1234567Z'\"");
        Assert.Matches(TimeOfDay(), "bekeken om 9:05");
    }

    /// <summary>A clock time: h:mm or hh:mm, with the colon written or percent-encoded.</summary>
    [GeneratedRegex(@"(?<!\d)\d{1,2}(:|%3[Aa])\d{2}(?!\d)")]
    private static partial Regex TimeOfDay();
}
