using Microsoft.AspNetCore.Http;
using PulsePipeline.Workspace.Access;
using PulsePipeline.Workspace.Pages;
using PulsePipeline.Workspace.Rendering;

namespace PulsePipeline.Workspace;

/// <summary>
/// The development sign-in's two writes, once <see cref="WorkspaceEndpoint"/> has checked host, method and
/// antiforgery: signing in sets a new session's signed cookie; signing out records the session as ended (so the same
/// cookie replayed later is refused) before the browser is told to forget it.
/// </summary>
public sealed class DevSignInEndpoint(WorkspaceAuthentication authentication, WorkspaceKeys keys, TimeProvider clock)
{
    public async Task SignInAsync(HttpContext context, PageContext page, IReadOnlyDictionary<string, string> form)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(form);
        var name = form.GetValueOrDefault("name")?.Trim();
        var role = form.GetValueOrDefault("role") ?? "";
        if (!DevSignInCookie.IsValidName(name) || (role.Length > 0 && !WorkspaceRoles.All.Contains(role)))
        {
            await PageWriter.RenderAsync<SignInPage>(context, StatusCodes.Status400BadRequest, page, new() { ["NameProblem"] = true });
            return;
        }

        context.Response.Cookies.Append(DevSignInCookie.Name, DevSignInCookie.Create(keys.DevSignIn, name!, role, clock.GetUtcNow()), new CookieOptions
        {
            Path = WorkspaceRoutes.Root,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            MaxAge = DevSignInCookie.Lifetime,
        });
        WorkspaceResponder.Redirect(context, page.Href(WorkspacePage.Overview));
    }

    /// <param name="session">The session the request's cookie names, or null when it names none that is valid.</param>
    public async Task SignOutAsync(HttpContext context, PageContext page, DevSession? session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (session is not null)
        {
            await authentication.SignOutAsync(session, cancellationToken);
        }

        context.Response.Cookies.Delete(DevSignInCookie.Name, new CookieOptions { Path = WorkspaceRoutes.Root });
        WorkspaceResponder.Redirect(context, page.Href(WorkspacePage.SignIn));
    }
}
