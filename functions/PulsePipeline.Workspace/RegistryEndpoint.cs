using Microsoft.AspNetCore.Http;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Waves;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Workspace.Pages;
using PulsePipeline.Workspace.Rendering;

namespace PulsePipeline.Workspace;

/// <summary>
/// The registry's pages once <see cref="WorkspaceEndpoint"/> has checked access, method and antiforgery: the list, the
/// catalogue, effects by type, the audit, and the editors' record, change and end forms; the plans' pages are
/// <see cref="Plans.PlanEndpoint"/>'s. A refused write answers
/// 400 with the form and its problems, a conflict 409 with the other person's version; nothing is written then.
/// </summary>
public sealed class RegistryEndpoint(RegistryPageModels models, Reports.ReportBuilder reports, InterventionStore store, Plans.PlanEndpoint plans)
{
    public async Task HandleAsync(HttpContext context, PageContext page, WorkspacePage target, IReadOnlyDictionary<string, string>? form)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        var cancellationToken = context.RequestAborted;
        switch (target)
        {
            case WorkspacePage.Interventions:
                await PageWriter.RenderAsync<InterventionsPage>(context, StatusCodes.Status200OK, page, new() { ["Model"] = await models.InterventionsAsync(query["type"], query["status"], query["ministry"], cancellationToken) });
                break;
            case WorkspacePage.Catalogue:
                await PageWriter.RenderAsync<CataloguePage>(context, StatusCodes.Status200OK, page, []);
                break;
            case WorkspacePage.Effects:
                await PageWriter.RenderAsync<EffectsPage>(context, StatusCodes.Status200OK, page, new() { ["Model"] = await models.EffectsAsync(cancellationToken) });
                break;
            case WorkspacePage.Report:
                var (choice, report) = await reports.BuildAsync(query["unit"], query["from"], query["to"], cancellationToken);
                await PageWriter.RenderAsync<ReportPage>(context, choice.Problem ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, page, new() { ["Choice"] = choice, ["Model"] = report });
                break;
            case WorkspacePage.Plans or WorkspacePage.PlanNew or WorkspacePage.PlanDraw or WorkspacePage.PlanWithdraw:
                await plans.HandleAsync(context, page, target, form);
                break;
            case WorkspacePage.Audit:
                await PageWriter.RenderAsync<AuditPage>(context, StatusCodes.Status200OK, page, new() { ["Model"] = await models.AuditAsync(query["from"], query["to"], cancellationToken) });
                break;
            case WorkspacePage.InterventionNew when form is null:
                var blank = new InterventionRecord("", query["unit"].ToString(), "", "", InterventionStatuses.Planned, page.User!.AuditName, "");
                await FormAsync(context, page, StatusCodes.Status200OK, new InterventionFormModel(blank, null, []));
                break;
            case WorkspacePage.InterventionNew:
                await AddAsync(context, page, form, cancellationToken);
                break;
            case WorkspacePage.InterventionEdit when form is null:
                await EditFormAsync(context, page, query["id"].ToString(), query["done"].ToString(), cancellationToken);
                break;
            case WorkspacePage.InterventionEdit:
                await UpdateAsync(context, page, form, cancellationToken);
                break;
            default:
                var ended = await store.EndAsync(form!.GetValueOrDefault(InterventionFields.Id) ?? "", page.User!.Actor, cancellationToken);
                await AfterWriteAsync(context, page, ended, "ended");
                break;
        }
    }

    private async Task AddAsync(HttpContext context, PageContext page, IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken)
    {
        var choices = await models.FormChoicesAsync(cancellationToken);
        var typed = Field(form, InterventionFields.Unit);
        var (unit, ambiguous) = choices.Resolve(typed);
        var candidate = new InterventionRecord("", unit ?? typed, Field(form, InterventionFields.Type), Field(form, InterventionFields.StartWave), Field(form, InterventionFields.Status), Field(form, InterventionFields.Owner), Notes(form));
        var refused = FormProblems(candidate, choices, null, ambiguous ? typed : null);
        var result = refused.Count > 0 ? null : await store.AddAsync(candidate, page.User!.Actor, cancellationToken);
        if (result is { Outcome: InterventionWriteOutcome.Saved, Intervention: { } saved })
        {
            WorkspaceResponder.Redirect(context, page.Href(WorkspacePage.Unit, ("id", saved.Intervention.Unit)) + "#interventions");
            return;
        }

        // What was typed goes back into the form, the unit as typed (a name stays a name).
        await FormAsync(context, page, StatusCodes.Status400BadRequest, new InterventionFormModel(candidate with { Unit = typed }, null, result?.Problems ?? refused) { Choices = choices });
    }

    /// <summary>
    /// What the form refuses beyond the rules every interface shares: a unit name several units have, and a start wave
    /// the form does not offer (<paramref name="stored"/>: the start wave an intervention already has, which stays
    /// allowed). With any of these, the shared rules' problems are listed too, so one answer names every field to fix.
    /// </summary>
    private static List<InterventionProblem> FormProblems(InterventionRecord candidate, FormChoices choices, string? stored, string? ambiguous)
    {
        var problems = new List<InterventionProblem>();
        if (ambiguous is not null)
        {
            problems.Add(InterventionRules.AmbiguousUnit(ambiguous));
        }

        if (WaveIds.IsValid(candidate.StartWave) && candidate.StartWave != stored && !choices.Offers(candidate.StartWave))
        {
            problems.Add(InterventionRules.StartWaveNotOffered(candidate.StartWave));
        }

        return problems.Count == 0 ? problems : [.. problems, .. InterventionRules.Check(candidate).Where(p => problems.TrueForAll(f => f.Field != p.Field))];
    }

    private async Task EditFormAsync(HttpContext context, PageContext page, string id, string done, CancellationToken cancellationToken)
    {
        if (await models.InterventionAsync(id, cancellationToken) is not { } listed)
        {
            await PageWriter.ProblemAsync(context, page, WorkspaceProblem.UnknownIntervention);
            return;
        }

        await FormAsync(context, page, StatusCodes.Status200OK, new InterventionFormModel(listed.Stored.Intervention, listed.Stored.Version, [])
        {
            Done = done is "saved" or "unchanged" or "ended" ? done : null,
            UnitName = listed.UnitName,
        });
    }

    private async Task UpdateAsync(HttpContext context, PageContext page, IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(Field(form, InterventionFields.Id), cancellationToken) is not { } current)
        {
            await PageWriter.ProblemAsync(context, page, WorkspaceProblem.UnknownIntervention);
            return;
        }

        // Unit and type cannot change: they are taken from the stored intervention, not from the form.
        var updated = current.Intervention with
        {
            StartWave = Field(form, InterventionFields.StartWave),
            Status = Field(form, InterventionFields.Status),
            Owner = Field(form, InterventionFields.Owner),
            Notes = Notes(form),
        };
        var refused = FormProblems(updated, await models.FormChoicesAsync(cancellationToken), current.Intervention.StartWave, null);
        var result = refused.Count > 0 ? InterventionWriteResult.Invalid(refused) : await store.UpdateAsync(updated, form.GetValueOrDefault(InterventionFormModel.VersionField) ?? "", page.User!.Actor, cancellationToken);
        switch (result.Outcome)
        {
            case InterventionWriteOutcome.Invalid:
                await FormAsync(context, page, StatusCodes.Status400BadRequest, new InterventionFormModel(updated, form.GetValueOrDefault(InterventionFormModel.VersionField) ?? "", result.Problems));
                break;
            case InterventionWriteOutcome.Conflict:
                // Their version becomes the base: saving again is a deliberate choice to replace it with this one.
                await FormAsync(context, page, StatusCodes.Status409Conflict, new InterventionFormModel(updated, result.Intervention!.Version, []) { Theirs = result.Intervention });
                break;
            default:
                await AfterWriteAsync(context, page, result, result.Outcome == InterventionWriteOutcome.Unchanged ? "unchanged" : "saved");
                break;
        }
    }

    private static async Task AfterWriteAsync(HttpContext context, PageContext page, InterventionWriteResult result, string done)
    {
        if (result.Intervention is not { } stored)
        {
            await PageWriter.ProblemAsync(context, page, WorkspaceProblem.UnknownIntervention);
            return;
        }

        WorkspaceResponder.Redirect(context, page.Href(WorkspacePage.InterventionEdit, ("id", stored.Intervention.Id), ("done", done)));
    }

    private async Task FormAsync(HttpContext context, PageContext page, int status, InterventionFormModel model)
    {
        var choices = ReferenceEquals(model.Choices, FormChoices.None) ? await models.FormChoicesAsync(context.RequestAborted) : model.Choices;
        await PageWriter.RenderAsync<InterventionFormPage>(context, status, page, new() { ["Model"] = model with { Choices = choices } });
    }

    private static string Field(IReadOnlyDictionary<string, string> form, string name) => (form.GetValueOrDefault(name) ?? "").Trim();

    /// <summary>Notes keep their line breaks; browsers send them as CR LF, stored as LF.</summary>
    private static string Notes(IReadOnlyDictionary<string, string> form) => (form.GetValueOrDefault(InterventionFields.Notes) ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
