using Azure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Workspace.Access;
using PulsePipeline.Workspace.Pages;
using PulsePipeline.Workspace.Reading;
using PulsePipeline.Workspace.Rendering;

namespace PulsePipeline.Workspace;

/// <summary>
/// Every request under /ipim, in both hosts (Kestrel in `pulse host`, the Functions HTTP trigger in Azure). In this
/// order: the security headers; who is asking (refused outright where no sign-in can be trusted); the access the
/// route in <see cref="WorkspaceRoutes"/> requires (401 signed out, 403 without a role, 403 for a reader on an
/// editor's route; unknown paths are 404 only for people with a role); the method; for a POST a valid antiforgery
/// token from this site (else 400 and nothing changes); then the page. Storage trouble is a 503 page, never a 500.
/// </summary>
public sealed class WorkspaceEndpoint(WorkspaceAuthentication authentication, WorkspaceKeys keys, PageModels models, RegistryPageModels sections, RegistryEndpoint registry, IWorkspaceAudit audit, TimeProvider clock, ILogger<WorkspaceEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context, string? path)
    {
        WorkspaceHeaders.Apply(context.Response);
        var request = context.Request;
        var signIn = authentication.Read(context);
        var route = WorkspaceRoutes.Find(path);
        var page = new PageContext(
            Language(request),
            signIn,
            WorkspaceAntiforgery.Issue(keys.Antiforgery, signIn.UserId, clock.GetUtcNow()),
            route?.Page,
            request.PathBase + request.Path,
            [.. request.Query.Where(q => q.Key != "lang").Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString()))]);
        using var reads = PublishedReadModel.BeginRequest();
        try
        {
            await RespondAsync(context, page, route);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The reader went away; there is no one to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            logger.LogError("Workspace request failed: {ErrorType} {Status} {ErrorCode}", e.GetType().Name, (e as RequestFailedException)?.Status, (e as RequestFailedException)?.ErrorCode);
            context.Response.Headers.RetryAfter = "60";
            await ProblemAsync(context, page, WorkspaceProblem.Unavailable);
        }
    }

    private async Task RespondAsync(HttpContext context, PageContext page, WorkspaceRoute? route)
    {
        if (page.SignIn.Refusal is { } refusal)
        {
            await RenderAsync<ProblemPage>(context, refusal.Status(), page, new() { ["Refusal"] = refusal });
            return;
        }

        var access = route?.Access ?? WorkspaceAccess.Reader;
        if (access != WorkspaceAccess.Public && Denied(page.User, access) is { } denied)
        {
            await ProblemAsync(context, page, denied);
            return;
        }

        var method = context.Request.Method;
        if (route is null || (page.SignIn.Host == WorkspaceHost.Functions && route.Page is WorkspacePage.SignIn or WorkspacePage.SignOut))
        {
            await ProblemAsync(context, page, WorkspaceProblem.NotFound);
            return;
        }

        if (!route.Answers(method))
        {
            context.Response.Headers.Allow = string.Join(", ", route.Methods);
            await ProblemAsync(context, page, WorkspaceProblem.MethodNotAllowed);
            return;
        }

        IReadOnlyDictionary<string, string>? form = null;
        if (HttpMethods.IsPost(method))
        {
            form = await WorkspaceForm.ReadAsync(context.Request, context.RequestAborted);
            if (form is null
                || !WorkspaceAntiforgery.IsSameOrigin(context.Request)
                || !WorkspaceAntiforgery.IsValid(keys.Antiforgery, form.GetValueOrDefault(WorkspaceAntiforgery.FieldName), page.SignIn.UserId, clock.GetUtcNow()))
            {
                await ProblemAsync(context, page, WorkspaceProblem.BadForm);
                return;
            }
        }

        await DispatchAsync(context, page, route.Page, form);
    }

    private static WorkspaceProblem? Denied(WorkspacePrincipal? user, WorkspaceAccess access) =>
        user is null ? WorkspaceProblem.NotSignedIn
        : !user.IsReader ? WorkspaceProblem.NoRole
        : !user.Satisfies(access) ? WorkspaceProblem.EditorsOnly
        : null;

    private async Task DispatchAsync(HttpContext context, PageContext page, WorkspacePage target, IReadOnlyDictionary<string, string>? form)
    {
        var query = context.Request.Query;
        var cancellationToken = context.RequestAborted;
        switch (target)
        {
            case WorkspacePage.Overview:
                var overviewTask = models.OverviewAsync(cancellationToken);
                var runningTask = sections.OverviewAsync(cancellationToken);
                await RenderAsync<OverviewPage>(context, StatusCodes.Status200OK, page, new() { ["Model"] = await overviewTask, ["Registry"] = await runningTask });
                break;
            case WorkspacePage.Heatmap:
                var construct = query["construct"] == Fields.Of(Construct.SpeakUp) ? Construct.SpeakUp : Construct.Pressure;
                var heatmap = await models.HeatmapAsync(construct, query["to"].ToString() is { Length: > 0 } to ? to : null, query["view"] == "table", query["under"].ToString() is { Length: > 0 } under ? under : null, cancellationToken);
                await RenderAsync<HeatmapPage>(context, StatusCodes.Status200OK, page, new() { ["Model"] = heatmap });
                break;
            case WorkspacePage.Search:
                await RenderAsync<SearchPage>(context, StatusCodes.Status200OK, page, new() { ["Model"] = await models.SearchAsync(query["q"], cancellationToken) });
                break;
            case WorkspacePage.Unit:
                await UnitAsync(context, page, query["id"].ToString(), cancellationToken);
                break;
            case WorkspacePage.SignIn when form is null:
                await RenderAsync<SignInPage>(context, StatusCodes.Status200OK, page, []);
                break;
            case WorkspacePage.SignIn:
                await SignInAsync(context, page, form);
                break;
            case WorkspacePage.SignOut:
                context.Response.Cookies.Delete(DevSignInCookie.Name, new CookieOptions { Path = WorkspaceRoutes.Root });
                WorkspaceResponder.Redirect(context, page.Href(WorkspacePage.SignIn));
                break;
            default:
                await registry.HandleAsync(context, page, target, form);
                break;
        }
    }

    private async Task UnitAsync(HttpContext context, PageContext page, string unit, CancellationToken cancellationToken)
    {
        var valid = PulsePipeline.Models.Identifiers.Identifier.IsValid(unit);
        var sectionTask = valid ? sections.UnitAsync(unit, cancellationToken) : Task.FromResult(RegistrySection.Empty);
        var model = valid ? await models.UnitAsync(unit, cancellationToken) : null;
        if (model is null)
        {
            await ProblemAsync(context, page, WorkspaceProblem.UnknownUnit);
            return;
        }

        await audit.UnitViewedAsync(page.User!, unit, cancellationToken);
        await RenderAsync<UnitPage>(context, StatusCodes.Status200OK, page, new() { ["Model"] = model, ["Registry"] = await sectionTask });
    }

    private async Task SignInAsync(HttpContext context, PageContext page, IReadOnlyDictionary<string, string> form)
    {
        var name = form.GetValueOrDefault("name")?.Trim();
        var role = form.GetValueOrDefault("role") ?? "";
        if (!DevSignInCookie.IsValidName(name) || (role.Length > 0 && !WorkspaceRoles.All.Contains(role)))
        {
            await RenderAsync<SignInPage>(context, StatusCodes.Status400BadRequest, page, new() { ["NameProblem"] = true });
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

    private static Task ProblemAsync(HttpContext context, PageContext page, WorkspaceProblem problem) => PageWriter.ProblemAsync(context, page, problem);

    private static Task RenderAsync<TPage>(HttpContext context, int status, PageContext page, Dictionary<string, object?> parameters)
        where TPage : IComponent => PageWriter.RenderAsync<TPage>(context, status, page, parameters);

    /// <summary>?lang=en gives English; anything else, or none, is Dutch.</summary>
    private static Language Language(HttpRequest request) =>
        request.Query["lang"] is { Count: 1 } codes && Languages.TryParse(codes[0], out var language) ? language.Value : Models.Instrument.Language.Nl;
}
