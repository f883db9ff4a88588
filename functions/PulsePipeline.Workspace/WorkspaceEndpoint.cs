using Azure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Pipeline.Access;
using PulsePipeline.Workspace.Access;
using PulsePipeline.Workspace.Pages;
using PulsePipeline.Workspace.Reading;
using PulsePipeline.Workspace.Rendering;

namespace PulsePipeline.Workspace;

/// <summary>
/// Every request under /ipim, in both hosts (Kestrel in `pulse host`, the Functions HTTP trigger in Azure). In this
/// order: the security headers; a host this app does not serve is refused (400) before anything is read; who is asking
/// (refused outright where no sign-in can be trusted); the access the route in <see cref="WorkspaceRoutes"/> requires
/// (401 signed out, 403 without a role, 403 for a reader on an editor's route; unknown paths are 404 only for people
/// with a role); the method; for a POST a readable form (413 too large, 400/408 when the body does not arrive in full)
/// with a valid antiforgery token from a served origin (else 400 and nothing changes); then the page. Storage trouble
/// is a 503 page, never a 500.
/// </summary>
public sealed class WorkspaceEndpoint(WorkspaceAuthentication authentication, ServedHosts hosts, WorkspaceKeys keys, PageModels models, RegistryPageModels sections, RegistryEndpoint registry, DevSignInEndpoint devSignIn, IWorkspaceAudit audit, TimeProvider clock, ILogger<WorkspaceEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context, string? path)
    {
        ArgumentNullException.ThrowIfNull(context);
        WorkspaceHeaders.Apply(context.Response);
        var route = WorkspaceRoutes.Find(path);
        var page = Page(context, authentication.SignedOut, route);
        if (!hosts.Serves(context.Request))
        {
            // Nothing is read or written under a name this app does not answer to (DNS rebinding).
            await ProblemAsync(context, page, WorkspaceProblem.UnknownHost);
            return;
        }

        using var reads = PublishedReadModel.BeginRequest();
        try
        {
            var (signIn, session) = await authentication.ReadAsync(context, context.RequestAborted);
            page = Page(context, signIn, route);
            await RespondAsync(context, page, route, session);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The reader went away; there is no one to answer.
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // The body did not arrive in full (cut off, or slower than the server's minimum rate: 408): the client's
            // doing, so its own 4xx and nothing changed; not a fault of ours to log, nor a 503 inviting a retry.
            var problem = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? WorkspaceProblem.FormTooLarge : WorkspaceProblem.FormIncomplete;
            await RenderAsync<ProblemPage>(context, e.StatusCode, page, new() { ["Problem"] = problem });
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            logger.LogError("Workspace request failed: {ErrorType} {Status} {ErrorCode}", e.GetType().Name, (e as RequestFailedException)?.Status, (e as RequestFailedException)?.ErrorCode);
            context.Response.Headers.RetryAfter = "60";
            await ProblemAsync(context, page, WorkspaceProblem.Unavailable);
        }
    }

    private PageContext Page(HttpContext context, SignInState signIn, WorkspaceRoute? route)
    {
        var request = context.Request;
        return new PageContext(
            Language(request),
            signIn,
            WorkspaceAntiforgery.Issue(keys.Antiforgery, signIn.UserId, clock.GetUtcNow()),
            route?.Page,
            request.PathBase + request.Path,
            [.. request.Query.Where(q => q.Key != "lang").Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString()))]);
    }

    private async Task RespondAsync(HttpContext context, PageContext page, WorkspaceRoute? route, DevSession? session)
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
            (form, var unread) = await WorkspaceForm.ReadAsync(context.Request, context.RequestAborted);
            if (unread is { } problem)
            {
                await ProblemAsync(context, page, problem);
                return;
            }

            if (!WorkspaceAntiforgery.IsSameOrigin(context.Request, hosts)
                || !WorkspaceAntiforgery.IsValid(keys.Antiforgery, form!.GetValueOrDefault(WorkspaceAntiforgery.FieldName), page.SignIn.UserId, clock.GetUtcNow()))
            {
                await ProblemAsync(context, page, WorkspaceProblem.BadForm);
                return;
            }
        }

        await DispatchAsync(context, page, route.Page, form, session);
    }

    private static WorkspaceProblem? Denied(WorkspacePrincipal? user, WorkspaceAccess access) =>
        user is null ? WorkspaceProblem.NotSignedIn
        : !user.IsReader ? WorkspaceProblem.NoRole
        : !user.Satisfies(access) ? WorkspaceProblem.EditorsOnly
        : null;

    private async Task DispatchAsync(HttpContext context, PageContext page, WorkspacePage target, IReadOnlyDictionary<string, string>? form, DevSession? session)
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
                await devSignIn.SignInAsync(context, page, form);
                break;
            case WorkspacePage.SignOut:
                await devSignIn.SignOutAsync(context, page, session, cancellationToken);
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

        // A view is a GET; a HEAD shows nothing, so it records nothing.
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await audit.UnitViewedAsync(page.User!, unit, cancellationToken);
        }

        await RenderAsync<UnitPage>(context, StatusCodes.Status200OK, page, new() { ["Model"] = model, ["Registry"] = await sectionTask });
    }

    private static Task ProblemAsync(HttpContext context, PageContext page, WorkspaceProblem problem) => PageWriter.ProblemAsync(context, page, problem);

    private static Task RenderAsync<TPage>(HttpContext context, int status, PageContext page, Dictionary<string, object?> parameters)
        where TPage : IComponent => PageWriter.RenderAsync<TPage>(context, status, page, parameters);

    /// <summary>?lang=en gives English; anything else, or none, is Dutch.</summary>
    private static Language Language(HttpRequest request) =>
        request.Query["lang"] is { Count: 1 } codes && Languages.TryParse(codes[0], out var language) ? language.Value : Models.Instrument.Language.Nl;
}
