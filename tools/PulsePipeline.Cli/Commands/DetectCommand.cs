using System.CommandLine;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Detection;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// `pulse detect --history published.csv --out flags.csv [--all-waves] [--model model.zip | --train-seed N]`: the
/// detector on the CSV contract, with the shipped shift model unless told otherwise. Exit 0 on success, 2 on bad input (every problem listed with file:line, nothing written).
/// </summary>
internal static class DetectCommand
{
    public const int BadInput = 2;

    public static Command Create()
    {
        var history = new Option<string>("--history") { Description = "Published history: wave,unit,n,invited,pressure_mean,pressure_sd,speakup_mean,speakup_sd", Required = true };
        var output = new Option<string>("--out") { Description = "Flags to write: wave,unit,flagged,score,pressure_change,speakup_change,reasons", Required = true };
        var allWaves = new Option<bool>("--all-waves") { Description = "Rows for every wave, each computed only from waves up to it (default: the latest wave only)" };
        var model = new Option<string?>("--model") { Description = $"A saved shift model (zip), e.g. from pulse train-model --out; {ShiftModels.Help}" };
        var trainSeed = new Option<int?>("--train-seed") { Description = "Train a model with this seed first (a few seconds) instead of using the shipped one" };
        var command = new Command("detect", "Flag units whose pressure rises or whose speak-up safety falls, from a published history.");
        command.Options.Add(history);
        command.Options.Add(output);
        command.Options.Add(allWaves);
        command.Options.Add(model);
        command.Options.Add(trainSeed);
        command.SetAction((ParseResult r) => Run(r.GetValue(history)!, r.GetValue(output)!, r.GetValue(allWaves), r.GetValue(model), Console.Out, Console.Error, r.GetValue(trainSeed)));
        return command;
    }

    public static int Run(string historyPath, string outPath, bool allWaves, string? modelPath, TextWriter stdout, TextWriter stderr, int? trainSeed = null)
    {
        if (Path.GetFullPath(historyPath) == Path.GetFullPath(outPath))
        {
            stderr.WriteLine("--out must not be the history file");
            return BadInput;
        }

        var (rows, problems) = HistoryCsv.Read(CsvFile.Read(historyPath, HistoryCsv.Columns));
        if (problems.Count == 0 && rows.Count == 0)
        {
            problems = [new CsvProblem(Path.GetFileName(historyPath), 0, "the history has no rows: nothing to detect")];
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                stderr.WriteLine(problem);
            }

            stderr.WriteLine($"{problems.Count} problem(s) in the history; no flags written");
            return BadInput;
        }

        var model = ShiftModels.Obtain(modelPath, trainSeed, stderr);
        if (model is null)
        {
            return BadInput;
        }

        var result = ShiftDetector.Detect(rows, model);
        var flags = allWaves ? result.Flags : result.FlagsFor(result.LatestWave!);
        try
        {
            AtomicFile.WriteText(outPath, w => FlagsCsv.Write(w, flags));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{outPath}: cannot write the flags: {e.Message}");
            return 1;
        }

        foreach (var wave in allWaves ? result.Waves : [result.LatestWave!])
        {
            var ofWave = result.FlagsFor(wave);
            stdout.WriteLine($"wave {wave}: {ofWave.Count(f => f.Flagged)} of {ofWave.Count(f => f.Status == UnitFlagStatus.Scored)} scored units flagged; {result.OrganisationFor(wave).Description}");
        }

        stdout.WriteLine($"model {result.ModelVersion}; wrote {flags.Count} rows to {outPath}");
        return 0;
    }
}
