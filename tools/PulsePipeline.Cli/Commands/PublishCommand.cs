using System.CommandLine;
using PulsePipeline.Models.Publication;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// `pulse publish`: the publication rules on CSV files, with the same <see cref="Publisher"/> the pipeline uses, so
/// anyone can audit a publication offline (DESIGN.md, Contracts).
/// </summary>
internal static class PublishCommand
{
    public const int InputError = 2;
    public const int OutputError = 1;

    public static Command Create()
    {
        var units = new Option<string>("--units")
        {
            Description = "Units file: unit,parent (the root has an empty parent). An optional name column is accepted and ignored, so the roster's units file works as it is.",
            Required = true,
        };
        var tallies = new Option<string>("--tallies")
        {
            Description = "Direct respondents per unit: unit,n,pressure_sum,pressure_sumsq,speakup_sum,speakup_sumsq (sums of scores on the 1–5 scale). Units not listed have none.",
            Required = true,
        };
        var k = new Option<int>("--k")
        {
            Description = $"Minimum respondents behind every published figure (at least {Publisher.MinimumK}).",
            DefaultValueFactory = _ => Publisher.DefaultK,
        };
        var output = new Option<string>("--out")
        {
            Description = "Output: unit,published,n,pressure_mean,pressure_sd,speakup_mean,speakup_sd, rolled up over descendants. Written only when the inputs have no problem.",
            Required = true,
        };

        var command = new Command("publish", "Apply k-anonymous publication with secondary suppression to unit tallies.");
        command.Options.Add(units);
        command.Options.Add(tallies);
        command.Options.Add(k);
        command.Options.Add(output);
        command.SetAction(r => Run(r.GetValue(units)!, r.GetValue(tallies)!, r.GetValue(k), r.GetValue(output)!, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string unitsPath, string talliesPath, int k, string outPath, TextWriter output, TextWriter error)
    {
        if (k < Publisher.MinimumK)
        {
            error.WriteLine($"--k must be at least {Publisher.MinimumK}: smaller groups make single answers too easy to guess (got {k}). No output written.");
            return InputError;
        }

        var outFull = Path.GetFullPath(outPath);
        if (outFull == Path.GetFullPath(unitsPath) || outFull == Path.GetFullPath(talliesPath))
        {
            error.WriteLine("--out must not be one of the input files. No output written.");
            return InputError;
        }

        if (!Directory.Exists(Path.GetDirectoryName(outFull)))
        {
            error.WriteLine($"--out: the directory of {outPath} does not exist. No output written.");
            return InputError;
        }

        var unitsFile = CsvFile.Read(unitsPath, PublicationCsvReader.UnitColumns, optionalColumns: PublicationCsvReader.OptionalUnitColumns);
        var talliesFile = CsvFile.Read(talliesPath, PublicationCsvReader.TallyColumns);
        var (tree, direct, problems) = PublicationCsvReader.Read(unitsFile, talliesFile);
        if (tree is null || problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                error.WriteLine(problem);
            }

            error.WriteLine($"{problems.Count} problem(s) found. No output written.");
            return InputError;
        }

        var published = Publisher.Publish(tree, direct, k);
        try
        {
            AtomicFile.WriteText(outFull, writer => PublicationCsvWriter.Write(published, writer));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"cannot write {outPath}: {e.Message}");
            return OutputError;
        }

        var secondary = published.Count(u => u.Suppression == SuppressionReason.Secondary);
        var few = published.Count(u => u.Suppression == SuppressionReason.FewerThanK);
        output.WriteLine($"{outPath}: {published.Count - secondary - few} of {published.Count} units published with k = {k} ({few} with fewer than k respondents, {secondary} suppressed to prevent subtraction)");
        return 0;
    }
}
