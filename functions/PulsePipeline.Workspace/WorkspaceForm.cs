using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using PulsePipeline.Models.Identifiers;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Plans;
using PulsePipeline.Workspace.Access;
using PulsePipeline.Workspace.Rendering;

namespace PulsePipeline.Workspace;

/// <summary>
/// A POST body as the workspace's forms send it: UTF-8 urlencoded, at most <see cref="MaxBodyBytes"/>; anything else
/// is refused unread. The limit is the longest valid form in the worst encoding a browser uses: the intervention
/// form or the plan form, whichever is larger, with every field at its maximum length — the notes and the plan's units
/// at theirs, every other field at the identifier limit, more than any valid id, wave, type or status needs — and
/// every character a three-byte UTF-8
/// character, each byte percent-encoded (nine bytes; a line break sent as CR LF takes six, a character beyond the
/// Basic Multilingual Plane twelve for its two UTF-16 units). So accented notes of the full length always fit.
/// </summary>
public static class WorkspaceForm
{
    /// <summary>The most bytes one UTF-16 unit of a field's value takes in a urlencoded body.</summary>
    public const int MaxBytesPerUnit = 9;

    /// <summary>The intervention form's fields and their longest valid values, in UTF-16 units.</summary>
    public static readonly IReadOnlyList<(string Name, int MaxLength)> InterventionForm =
    [
        (WorkspaceAntiforgery.FieldName, WorkspaceAntiforgery.MaxTokenLength),
        (InterventionFields.Id, Identifier.MaxLength),
        (Pages.InterventionFormModel.VersionField, Identifier.MaxLength),
        (InterventionFields.Unit, Identifier.MaxLength),
        (InterventionFields.Type, Identifier.MaxLength),
        (InterventionFields.StartWave, Identifier.MaxLength),
        (InterventionFields.Status, Identifier.MaxLength),
        (InterventionFields.Owner, InterventionRules.MaxOwnerLength),
        (InterventionFields.Notes, InterventionRules.MaxNotesLength),
    ];

    /// <summary>The plan form's fields and their longest valid values, in UTF-16 units.</summary>
    public static readonly IReadOnlyList<(string Name, int MaxLength)> PlanForm =
    [
        (WorkspaceAntiforgery.FieldName, WorkspaceAntiforgery.MaxTokenLength),
        (PlanFields.Type, Identifier.MaxLength),
        (PlanFields.Units, Plans.PlanFormValues.MaxUnitsLength),
        (PlanFields.Capacity, Identifier.MaxLength),
        (PlanFields.Cohorts, Identifier.MaxLength),
        (PlanFields.FirstStartWave, Identifier.MaxLength),
        (PlanFields.Strata, Identifier.MaxLength),
        (PlanFields.Constructs, Identifier.MaxLength),
        (PlanFields.Owner, Identifier.MaxLength),
    ];

    /// <summary>The form whose longest valid body is the longest.</summary>
    public static IReadOnlyList<(string Name, int MaxLength)> LongestForm { get; } = Bytes(PlanForm) > Bytes(InterventionForm) ? PlanForm : InterventionForm;

    /// <summary>Each field as "name=value" joined by '&amp;': the names, '=' and '&amp;' are ASCII, the values at their worst.</summary>
    public static readonly int MaxBodyBytes = Bytes(LongestForm);

    /// <summary>The fields (each name once, the last value wins), or why the body was refused unread.</summary>
    /// <exception cref="BadHttpRequestException">The body did not arrive in full (cut off, or slower than the server allows).</exception>
    public static async Task<(IReadOnlyDictionary<string, string>? Fields, WorkspaceProblem? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            || !media.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return (null, WorkspaceProblem.BadForm);
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, WorkspaceProblem.FormTooLarge);
        }

        // Read at most one byte past the limit, whatever the body claims (chunked bodies have no length).
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > MaxBodyBytes)
        {
            return (null, WorkspaceProblem.FormTooLarge);
        }

        var fields = QueryHelpers.ParseQuery("?" + Encoding.UTF8.GetString(buffer, 0, length))
            .ToDictionary(f => f.Key, f => f.Value.Count > 0 ? f.Value[f.Value.Count - 1] ?? "" : "", StringComparer.Ordinal);
        return (fields, null);
    }

    private static int Bytes(IReadOnlyList<(string Name, int MaxLength)> form) => form.Sum(f => f.Name.Length + 2 + (f.MaxLength * MaxBytesPerUnit));
}
