using System.Text.Json;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// What the store says, read straight from the published and flags tables: the truth every figure on a page is
/// compared with. A figure is a stored value, or computed from one unit's own row (its interval, an answer's share).
/// </summary>
internal sealed partial class PublishedTruth
{
    private const double Z95 = 1.959963984540054;

    private readonly Dictionary<(string Wave, string Unit), PublishedEntity> rows;
    private readonly Dictionary<(string Wave, string Key), FlagEntity> flags;

    private readonly Dictionary<(string Wave, string Key), EffectEntity> effects;

    /// <summary>The rollout plans' effects, by plan id and row key (e|wave|construct).</summary>
    private readonly Dictionary<(string Plan, string Key), Pipeline.Plans.PlanEffectEntity> planEffects;

    private PublishedTruth(Dictionary<(string, string), PublishedEntity> rows, Dictionary<(string, string), FlagEntity> flags, Dictionary<(string, string), EffectEntity> effects, Dictionary<(string, string), Pipeline.Plans.PlanEffectEntity> planEffects)
    {
        this.planEffects = planEffects;
        this.rows = rows;
        this.flags = flags;
        this.effects = effects;
    }

    public static async Task<PublishedTruth> ReadAsync(TestPipeline pipeline) => new(
        await pipeline.Storage.Published.QueryAsync<PublishedEntity>().ToDictionaryAsync(p => (p.PartitionKey, TableKeys.Decode(p.RowKey))),
        await pipeline.Storage.Flags.QueryAsync<FlagEntity>().ToDictionaryAsync(f => (f.PartitionKey, f.RowKey)),
        await pipeline.Storage.Effects.QueryAsync<EffectEntity>().ToDictionaryAsync(e => (e.PartitionKey, e.RowKey)),
        await pipeline.Storage.Plans.QueryAsync<Pipeline.Plans.PlanEffectEntity>($"RowKey gt '{Pipeline.Plans.PlanEffectEntity.RowPrefix}' and RowKey lt 'e}}'").ToDictionaryAsync(e => (e.PartitionKey, e.RowKey)));

    /// <summary>How many stored effect rows (as of any wave) have an estimate: the seed must give the test some.</summary>
    public int ConclusiveEffects => effects.Values.Count(e => e.Estimate is not null);

    public IEnumerable<(string Wave, string Unit)> Units => rows.Keys;

    /// <summary>The value a figure must have, or why it cannot have one.</summary>
    /// <param name="counted">For the counts beside a list of verdicts: the keys of the effect rows the page says it counted.</param>
    public (double? Value, string? Problem) Expected(string field, string? unit, string? wave, string? scope, string? counted = null)
    {
        if (wave is null)
        {
            return (null, "no wave");
        }

        if (field is "effect_verdicts" or "effect_labels" or "chance_labels")
        {
            return Verdicts(field, wave, counted);
        }

        if (field == "flagged_units")
        {
            return unit is null ? (null, "no unit") : (FlaggedIn(unit, wave), null);
        }

        if (field.StartsWith("effect_", StringComparison.Ordinal))
        {
            return scope is not null && scope.StartsWith("effect:", StringComparison.Ordinal) && effects.TryGetValue((wave, scope["effect:".Length..]), out var effect)
                ? (field.StartsWith("effect_band_", StringComparison.Ordinal) ? BandField(effect, field) : EffectField(effect, field), null)
                : (null, $"no effect row {scope} as of {wave}");
        }

        if (field.StartsWith("plan_", StringComparison.Ordinal))
        {
            return PlanField(field, wave, scope);
        }

        if (field.StartsWith("flag_", StringComparison.Ordinal))
        {
            var key = scope == "organisation" ? FlagEntity.OrganisationRow : unit is null ? null : TableKeys.Encode(unit);
            return key is not null && flags.TryGetValue((wave, key), out var flag) ? (FlagField(flag, field), null) : (null, $"no flag row for {unit ?? scope} in {wave}");
        }

        if (unit is null || !rows.TryGetValue((wave, unit), out var row))
        {
            return (null, $"no published row for {unit} in {wave}");
        }

        if (!row.Published)
        {
            return (null, $"{unit} is suppressed in {wave}: it may show no figure");
        }

        if (field.Contains("_diff_ci_", StringComparison.Ordinal))
        {
            // The interval of that change: both waves' standard errors, as of independent samples.
            var parts = field.Split(':');
            var construct = parts[0][..parts[0].IndexOf('_', StringComparison.Ordinal)];
            if (!rows.TryGetValue((parts[1], unit), out var first) || !first.Published)
            {
                return (null, $"{unit} has no published row in {parts[1]}");
            }

            var change = RowField(row, construct + "_mean") - RowField(first, construct + "_mean");
            var se = Math.Sqrt((Math.Pow(RowField(row, construct + "_sd")!.Value, 2) / row.N!.Value) + (Math.Pow(RowField(first, construct + "_sd")!.Value, 2) / first.N!.Value));
            return (parts[0].EndsWith("_low", StringComparison.Ordinal) ? change - (Z95 * se) : change + (Z95 * se), null);
        }

        if (field.Contains("_diff:", StringComparison.Ordinal))
        {
            // A change between two of one unit's own published waves: its mean in this wave minus its mean in the named one.
            var parts = field.Split(':');
            var mean = parts[0].Replace("_diff", "_mean", StringComparison.Ordinal);
            return rows.TryGetValue((parts[1], unit), out var first) && first.Published
                ? (RowField(row, mean) - RowField(first, mean), null)
                : (null, $"{unit} has no published row in {parts[1]}");
        }

        return (RowField(row, field), null);
    }

    /// <summary>The stored reasons as the page's language words them (the stored English text where none are structured).</summary>
    public string? Reasons(string? unit, string? wave, string? scope, Models.Instrument.Language language)
    {
        var key = scope == "organisation" ? FlagEntity.OrganisationRow : unit is null ? null : TableKeys.Encode(unit);
        return wave is not null && key is not null && flags.TryGetValue((wave, key), out var flag)
            ? flag.ReasonData.Length > 0 ? Models.Detection.ReasonTexts.Describe(Models.Detection.ReasonJson.Read(flag.ReasonData), language) : flag.Reasons
            : null;
    }

    /// <summary>A plan effect's figure: the scope is "plan:ID:CONSTRUCT", the row the one stored as of the wave.</summary>
    private (double? Value, string? Problem) PlanField(string field, string wave, string? scope)
    {
        var parts = scope?.Split(':') ?? [];
        if (parts is not ["plan", var plan, var construct] || !planEffects.TryGetValue((plan, Pipeline.Plans.PlanEffectEntity.Key(wave, construct)), out var row))
        {
            return (null, $"no plan effect {scope} as of {wave}");
        }

        return field switch
        {
            "plan_estimate" => (row.Estimate, null),
            "plan_ci_low" => (row.CiLow, null),
            "plan_ci_high" => (row.CiHigh, null),
            "plan_members" => (row.Members, null),
            _ => (null, $"unknown plan field {field}"),
        };
    }

    /// <summary>
    /// The power in the effect's size band (Models.Effects.SizeBandPower), over every unit row stored as of the same wave,
    /// as the page computes it from the rows it reads.
    /// </summary>
    private double? BandField(EffectEntity effect, string field)
    {
        var construct = Models.Effects.EffectEstimator.Constructs.First(c => Models.Effects.EffectWords.Id(c) == effect.Construct);
        var power = Models.Effects.SizeBandPower.Of(effects.Values.Where(e => e.PartitionKey == effect.PartitionKey && !e.IsPooled).Select(e =>
            {
                var c = Models.Effects.EffectEstimator.Constructs.First(x => Models.Effects.EffectWords.Id(x) == e.Construct);
                return new Models.Effects.SizeBandPower.Input(c, e.MedianRespondents, e.PostWaves, Models.Effects.SizeBandPower.Chance(c, e.Estimate, e.CiLow, e.CiHigh, e.StandardError));
            }))
            .SingleOrDefault(p => p.Construct == construct && p.Band == Models.Effects.SizeBand.Of(effect.MedianRespondents));
        return field switch
        {
            "effect_band_power" => power?.Found,
            "effect_band_effects" => power?.Effects,
            _ => null,
        };
    }

    private static double? EffectField(EffectEntity effect, string field) => field switch
    {
        "effect_estimate" => effect.Estimate,
        "effect_ci_low" => effect.CiLow,
        "effect_ci_high" => effect.CiHigh,
        // Computed from the row's own estimate, interval and standard error, as the page is (Models.Effects.InterventionEffect.Detectable).
        "effect_detectable" => effect.Estimate is { } e && effect.CiLow is { } low && effect.CiHigh is { } high && effect.StandardError is { } se
            ? Models.Effects.InterventionEffect.Detectable(Models.Effects.EffectEstimator.Constructs.First(c => Models.Effects.EffectWords.Id(c) == effect.Construct), e, low, high, se)
            : null,
        "effect_units" => effect.IsPooled ? effect.PostWaves : null,
        "effect_inconclusive" => effect.IsPooled ? effect.Inconclusive : null,
        _ when field.StartsWith("effect_missing:", StringComparison.Ordinal) => Missing(effect, field["effect_missing:".Length..]),
        _ => null,
    };

    /// <summary>A count an inconclusive effect's words show, by its Models.Effects.EffectShortfall member, from the stored row.</summary>
    private static double? Missing(EffectEntity effect, string member) => member switch
    {
        nameof(Models.Effects.EffectShortfall.MoreWaves) => effect.MoreWavesNeeded,
        nameof(Models.Effects.EffectShortfall.PreWaves) => effect.PreWavesMissing,
        nameof(Models.Effects.EffectShortfall.ComparisonUnits) => effect.ComparisonUnitsMissing,
        nameof(Models.Effects.EffectShortfall.ComparisonWindows) => effect.ComparisonWindowsMissing,
        nameof(Models.Effects.EffectShortfall.Units) => effect.UnitsMissing,
        _ => null,
    };

    private static double? FlagField(FlagEntity flag, string field) => field switch
    {
        "flag_score" => flag.Score,
        "flag_pressure_change" => flag.PressureChange,
        "flag_pressure_margin" => flag.PressureUncertainty,
        "flag_speakup_change" => flag.SpeakUpChange,
        "flag_speakup_margin" => flag.SpeakUpUncertainty,
        _ => null,
    };

    private static double? RowField(PublishedEntity row, string field)
    {
        if (field.StartsWith("item", StringComparison.Ordinal))
        {
            var parts = field.Split(':');
            var counts = JsonSerializer.Deserialize<Dictionary<string, long[]>>(row.Items)![parts[1]];
            var answer = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) - 1;
            return parts[0] == "item" ? counts[answer] : counts[answer] / (double)counts.Sum();
        }

        (double? Mean, double? Sd) Construct(string name) => name switch
        {
            "pressure" => (row.PressureMean, row.PressureSd),
            "speakup" => (row.SpeakUpMean, row.SpeakUpSd),
            "norms" => (row.NormsMean, row.NormsSd),
            _ => (null, null),
        };

        var split = field.IndexOf('_', StringComparison.Ordinal);
        var (mean, sd) = split < 0 ? (null, null) : Construct(field[..split]);
        return field switch
        {
            "n" => row.N,
            "invited" => row.ResponseRate is null ? null : row.Invited,
            "response_rate" => row.ResponseRate,
            _ when field.EndsWith("_mean", StringComparison.Ordinal) => mean,
            _ when field.EndsWith("_sd", StringComparison.Ordinal) => sd,
            _ when field.EndsWith("_ci_low", StringComparison.Ordinal) => mean - (Z95 * sd / Math.Sqrt(row.N!.Value)),
            _ when field.EndsWith("_ci_high", StringComparison.Ordinal) => mean + (Z95 * sd / Math.Sqrt(row.N!.Value)),
            _ => null,
        };
    }
}
