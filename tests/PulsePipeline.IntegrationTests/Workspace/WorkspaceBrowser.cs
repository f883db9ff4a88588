using Microsoft.Playwright;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>What the workspace's browser tests share: signing in with the development cookie, and where an element sits on the screen.</summary>
internal static class WorkspaceBrowser
{
    /// <summary>The laptop the issue measured on.</summary>
    public static readonly ViewportSize Laptop = new() { Width = 1366, Height = 768 };

    /// <summary>A tablet held upright.</summary>
    public static readonly ViewportSize Tablet = new() { Width = 820, Height = 1180 };

    public static async Task SignInAsync(this Chromium browser, WorkspaceFixture workspace, string role = WorkspaceRoles.Reader) =>
        await browser.Context.AddCookiesAsync([new Cookie { Name = DevSignInCookie.Name, Value = workspace.Cookie(role == WorkspaceRoles.Editor ? "Eva Editor" : "Ria Lezer", role).Split('=', 2)[1], Url = workspace.BaseUrl + "/ipim" }]);

    /// <summary>A browser signed in as a reader at <paramref name="size"/>, at <paramref name="path"/>.</summary>
    public static async Task<Chromium> OpenAsync(WorkspaceFixture workspace, string path, ViewportSize size)
    {
        var browser = await Chromium.LaunchAsync();
        await browser.Page.SetViewportSizeAsync(size.Width, size.Height);
        await browser.SignInAsync(workspace);
        await browser.Page.GotoAsync(workspace.BaseUrl + path);
        return browser;
    }

    /// <summary>True when the element is visible and lies wholly within the first screen, without scrolling.</summary>
    public static async Task<bool> OnFirstScreenAsync(this ILocator element)
    {
        var viewport = element.Page.ViewportSize!;
        var box = await element.BoundingBoxAsync();
        var scrolled = await element.Page.EvaluateAsync<double[]>("() => [window.scrollX, window.scrollY]");
        return box is not null && await element.IsVisibleAsync()
            && box.X + scrolled[0] >= 0 && box.Y + scrolled[1] >= 0
            && box.X + scrolled[0] + box.Width <= viewport.Width && box.Y + scrolled[1] + box.Height <= viewport.Height;
    }
}
