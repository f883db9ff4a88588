using System.CommandLine;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Effects.Plans;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Waves;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// `pulse effects --history published.csv --interventions interventions.csv --out effects.csv [--as-of WAVE]`: the effect
/// estimator on the CSV contract of docs/CLI.md. Exit 0 on success, 2 on bad input (every problem listed with file:line,
/// nothing written): only malformed rows are bad input. A type outside the catalogue is estimated and pooled under its own
/// id; an intervention in a unit the history never published gives inconclusive rows. Inconclusive reasons and types
/// outside the catalogue go to stdout: the contract's columns stay exactly as they are.
/// </summary>
internal static class EffectsCommand
{
    public static Command Create()
    {
        var history = new Option<string>("--history") { Description = "Published history: wave,unit,n,invited,pressure_mean,pressure_sd,speakup_mean,speakup_sd", Required = true };
        var interventions = new Option<string>("--interventions") { Description = "Interventions: unit,intervention,start_wave (optional id,status,owner,notes,plan are accepted; members of one randomised rollout plan share its id). A type outside the catalogue is estimated and pooled under its own id; a unit without published waves gives inconclusive rows; only malformed rows are refused", Required = true };
        var output = new Option<string>("--out") { Description = "Effects to write: unit,intervention,start_wave,construct,post_waves,estimate,ci_low,ci_high,verdict,plan (per plan and construct one row with unit *, the plan's design-based estimate; docs/PLANS.md)", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "Use only waves up to this one (default: the latest wave of the history)" };
        var command = new Command("effects", "Estimate the effect of each intervention on pressure and speak-up safety, and pooled per type, from a published history.");
        foreach (var option in new Option[] { history, interventions, output, asOf })
        {
            command.Options.Add(option);
        }

        command.SetAction((ParseResult r) => Run(r.GetValue(history)!, r.GetValue(interventions)!, r.GetValue(output)!, r.GetValue(asOf), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string historyPath, string interventionsPath, string outPath, string? asOf, TextWriter stdout, TextWriter stderr)
    {
        var output = Path.GetFullPath(outPath);
        if (output == Path.GetFullPath(historyPath) || output == Path.GetFullPath(interventionsPath))
        {
            stderr.WriteLine("--out must not be one of the input files");
            return DetectCommand.BadInput;
        }

        var (rows, planned, plans, problems) = ReadInputs(historyPath, interventionsPath, asOf);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                stderr.WriteLine(problem);
            }

            stderr.WriteLine($"{problems.Count} problem(s) in the input; no effects written");
            return DetectCommand.BadInput;
        }

        var report = EffectEstimator.Estimate(rows, planned, asOf) with { Plans = PlanEstimator.Estimate(rows, plans, asOf) };
        try
        {
            AtomicFile.WriteText(outPath, w => EffectsCsv.Write(w, report));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{outPath}: cannot write the effects: {e.Message}");
            return 1;
        }

        Summarise(report, planned.Count, stdout);
        stdout.WriteLine($"wrote {report.Effects.Count + report.Pooled.Count + report.Plans.Count} rows to {outPath}");
        return 0;
    }

    /// <summary>The history, the interventions in it, and every problem of either file or of --as-of.</summary>
    private static (IReadOnlyList<HistoryRow> Rows, IReadOnlyList<PlannedIntervention> Planned, IReadOnlyList<PlanDesign> Plans, List<CsvProblem> Problems) ReadInputs(string historyPath, string interventionsPath, string? asOf)
    {
        var problems = new List<CsvProblem>();
        if (asOf is not null && !WaveIds.IsValid(asOf))
        {
            problems.Add(new CsvProblem("--as-of", 0, $"{CsvReader.Printable(asOf)} is not a wave id (1–32 letters, digits, '.', '_' or '-')"));
        }

        var (rows, historyProblems) = HistoryCsv.Read(CsvFile.Read(historyPath, HistoryCsv.Columns));
        problems.AddRange(historyProblems);
        if (historyProblems.Count == 0 && rows.Count == 0)
        {
            problems.Add(new CsvProblem(Path.GetFileName(historyPath), 0, "the history has no rows: nothing to estimate from"));
        }

        var document = CsvFile.Read(interventionsPath, EffectsCsv.InterventionColumns, EffectsCsv.MaxFieldLength, EffectsCsv.OptionalInterventionColumns);
        var (planned, interventionProblems) = EffectsCsv.ReadInterventions(document);
        problems.AddRange(interventionProblems);
        var (plans, planProblems) = PlanDesigns.From(planned);
        problems.AddRange(planProblems.Select(p => new CsvProblem(Path.GetFileName(interventionsPath), 0, p)));
        return (rows, planned, plans, problems);
    }

    /// <summary>The verdicts counted, and why each inconclusive effect is so (the CSV's columns stay the contract's).</summary>
    private static void Summarise(EffectReport report, int interventions, TextWriter stdout)
    {
        var effects = report.Effects;
        stdout.WriteLine($"as of {report.AsOfWave}: {interventions} intervention(s); per construct {effects.Count(e => e.Verdict == EffectVerdict.Improved)} improved, {effects.Count(e => e.Verdict == EffectVerdict.Worsened)} worsened, {effects.Count(e => e.Verdict == EffectVerdict.NoClearChange)} no clear change, {effects.Count(e => !e.IsConclusive)} inconclusive");
        foreach (var power in SizeBandPower.Of(effects.Select(e => SizeBandPower.InputOf(e))))
        {
            var words = EffectReasonTexts.BandPowerWords(power.Band, Language.En);
            stdout.WriteLine($"  {EffectWords.Id(power.Construct)}: {words.With(Numbers.Percent(power.Found, Language.En), Numbers.Count(power.Effects, Language.En))}");
        }

        foreach (var type in report.Pooled.Where(p => !p.InCatalogue).Select(p => p.Type).Distinct(StringComparer.Ordinal))
        {
            stdout.WriteLine($"  type {CsvReader.Printable(type)} is outside the catalogue ({InterventionTypes.IdList}): estimated and pooled under its own id");
        }

        foreach (var e in effects.Where(e => !e.IsConclusive))
        {
            stdout.WriteLine($"  {e.Intervention.Unit} {e.Intervention.Type} from {e.Intervention.StartWave}, {EffectWords.Id(e.Construct)}: inconclusive: {e.ReasonText}; {e.ConclusiveWhen}");
        }

        foreach (var p in report.Pooled.Where(p => !p.IsConclusive))
        {
            stdout.WriteLine($"  pooled {p.Type}, {EffectWords.Id(p.Construct)}: inconclusive: {p.ReasonText}");
        }

        foreach (var p in report.Plans)
        {
            stdout.WriteLine($"  plan {p.Plan} ({p.Type}), {EffectWords.Id(p.Construct)}: {PlanWords.Line(p, Language.En)}");
        }
    }
}
