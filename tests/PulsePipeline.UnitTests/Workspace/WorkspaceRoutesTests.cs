using PulsePipeline.Workspace;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.UnitTests.Workspace;

public sealed class WorkspaceRoutesTests
{
    [Fact]
    public void EveryPage_HasExactlyOneRoute_WithAUniquePath()
    {
        Assert.Equal(Enum.GetValues<WorkspacePage>().Order(), WorkspaceRoutes.All.Select(r => r.Page).Order());
        Assert.Equal(WorkspaceRoutes.All.Count, WorkspaceRoutes.All.Select(r => r.Path).Distinct().Count());
    }

    [Fact]
    public void Reads_AnswerGetAndHead_WritesOnlyPost_AndOnlyTheSignInIsPublic()
    {
        Assert.All(WorkspaceRoutes.All, r =>
        {
            Assert.NotEmpty(r.Methods);
            Assert.All(r.Methods, m => Assert.Contains(m, new[] { "GET", "HEAD", "POST" }));
            Assert.Equal(r.Answers("GET"), r.Answers("HEAD"));
        });
        Assert.Equal([WorkspacePage.SignIn, WorkspacePage.SignOut], WorkspaceRoutes.All.Where(r => r.Access == WorkspaceAccess.Public).Select(r => r.Page));
    }

    [Theory]
    [InlineData("", WorkspacePage.Overview)]
    [InlineData(null, WorkspacePage.Overview)]
    [InlineData("heatmap", WorkspacePage.Heatmap)]
    [InlineData("heatmap/", WorkspacePage.Heatmap)]
    [InlineData("unit", WorkspacePage.Unit)]
    public void Find_MatchesThePath(string? path, WorkspacePage page) => Assert.Equal(page, WorkspaceRoutes.Find(path)!.Page);

    [Theory]
    [InlineData("Heatmap")]
    [InlineData("heatmap/x")]
    [InlineData("nope")]
    public void Find_AnythingElse_IsNoRoute(string path) => Assert.Null(WorkspaceRoutes.Find(path));

    [Fact]
    public void FunctionsApp_RefusesTheDevelopmentSignIn()
    {
        var rule = new FunctionsSignInRule();

        Assert.True(rule.Validate(null, new Pipeline.Configuration.PulseOptions { DevSignIn = true }).Failed);
        Assert.True(rule.Validate(null, new Pipeline.Configuration.PulseOptions { DevSignIn = false }).Succeeded);
    }
}
