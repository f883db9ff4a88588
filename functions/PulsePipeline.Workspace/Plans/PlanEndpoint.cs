using Microsoft.AspNetCore.Http;
using PulsePipeline.Models.Plans;
using PulsePipeline.Pipeline.Plans;
using PulsePipeline.Workspace.Pages;
using PulsePipeline.Workspace.Rendering;

namespace PulsePipeline.Workspace.Plans;

/// <summary>
/// The plans page and the editors' plan writes once <see cref="WorkspaceEndpoint"/> has checked access, method and
/// antiforgery: register (a form), draw and withdraw (buttons on the plans page). The registry, the draw and their
/// rules are the ones `pulse plans` uses. A refused write answers 400 with its problems and writes nothing; a saved
/// one redirects to the plan on the plans page, which says what happened.
/// </summary>
public sealed class PlanEndpoint(PlanPageModels models, RegistryPageModels registry, PlanRegistry plans, PlanDraws draws, PlanEligibility eligibility)
{
    public async Task HandleAsync(HttpContext context, PageContext page, WorkspacePage target, IReadOnlyDictionary<string, string>? form)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(page);
        var cancellationToken = context.RequestAborted;
        switch (target)
        {
            case WorkspacePage.Plans:
                var done = context.Request.Query["done"].ToString();
                await PlansAsync(context, page, StatusCodes.Status200OK, m => m with { Done = PlansModel.DoneWords.Contains(done) ? done : null });
                break;
            case WorkspacePage.PlanNew when form is null:
                var defaults = await eligibility.DefaultUnitsAsync(cancellationToken);
                await FormAsync(context, page, StatusCodes.Status200OK, PlanFormValues.Blank(defaults, page.User!.AuditName), [], await registry.FormChoicesAsync(cancellationToken));
                break;
            case WorkspacePage.PlanNew:
                await RegisterAsync(context, page, PlanFormValues.From(form), cancellationToken);
                break;
            case WorkspacePage.PlanDraw:
                var drawn = await draws.DrawAsync(Field(form!, PlanFields.Plan), page.User!.Actor, cancellationToken);
                await AfterAsync(context, page, Field(form!, PlanFields.Plan), drawn, PlansModel.Drawn);
                break;
            default:
                var withdrawn = await draws.WithdrawAsync(Field(form!, PlanFields.Plan), Field(form!, PlanFields.Unit), form!.GetValueOrDefault(PlanFields.Reason) ?? "", page.User!.Actor, cancellationToken);
                await AfterAsync(context, page, Field(form!, PlanFields.Plan), withdrawn, PlansModel.Withdrawn);
                break;
        }
    }

    private async Task RegisterAsync(HttpContext context, PageContext page, PlanFormValues values, CancellationToken cancellationToken)
    {
        var choices = await registry.FormChoicesAsync(cancellationToken);
        var (request, problems) = values.ToRequest(choices);
        var result = request is null ? null : await plans.RegisterAsync(request, page.User!.Actor, cancellationToken);
        if (result is { Saved: true, Plan: { } plan })
        {
            WorkspaceResponder.Redirect(context, page.Href(WorkspacePage.Plans, ("done", PlansModel.Registered)) + "#plan-" + plan.Id);
            return;
        }

        await FormAsync(context, page, StatusCodes.Status400BadRequest, values, result?.Problems ?? problems, choices);
    }

    private async Task AfterAsync(HttpContext context, PageContext page, string id, PlanWriteResult result, string done)
    {
        if (result.NotFound)
        {
            await PageWriter.ProblemAsync(context, page, WorkspaceProblem.UnknownPlan);
        }
        else if (result.Saved)
        {
            WorkspaceResponder.Redirect(context, page.Href(WorkspacePage.Plans, ("done", done)) + "#plan-" + id);
        }
        else
        {
            await PlansAsync(context, page, StatusCodes.Status400BadRequest, m => m with { Problems = result.Problems, ProblemPlan = id });
        }
    }

    private async Task PlansAsync(HttpContext context, PageContext page, int status, Func<PlansModel, PlansModel> adjust) =>
        await PageWriter.RenderAsync<PlansPage>(context, status, page, new() { ["Model"] = adjust(await models.PlansAsync(context.RequestAborted)) });

    /// <summary>The form with the first start waves it offers: the waves to come of <paramref name="choices"/>.</summary>
    private static Task FormAsync(HttpContext context, PageContext page, int status, PlanFormValues values, IReadOnlyList<PlanProblem> problems, FormChoices choices) =>
        PageWriter.RenderAsync<PlanFormPage>(context, status, page, new() { ["Model"] = new PlanFormModel(values, problems, choices.Upcoming) });

    private static string Field(IReadOnlyDictionary<string, string> form, string name) => (form.GetValueOrDefault(name) ?? "").Trim();
}
