using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Email;
using PulsePipeline.Pipeline.Alerts;
using PulsePipeline.Pipeline.Audit;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Pipeline.Email;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Pipeline.Plans;
using PulsePipeline.Pipeline.Invitations;
using PulsePipeline.Pipeline.Publication;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Roster;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Survey;
using PulsePipeline.Pipeline.Tallies;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Pipeline;

/// <summary>Everything both hosts need: validated options, storage clients, the mailer and the steps.</summary>
public static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddPulsePipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PulseOptions>()
            .Bind(configuration)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PulseOptions>, PulseOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        // Looked up now: a host without the machine's time-zone data for Europe/Amsterdam does not start
        // (TimeZoneDataMissingException) rather than date closing days and weekends by UTC.
        services.AddSingleton(DutchCalendar.From(TimeZoneInfo.FindSystemTimeZoneById));

        // Storage clients are created once per host and shared by every step.
        services.AddSingleton(_ => StorageClients.FromConfiguration(configuration));
        services.AddSingleton(sp =>
        {
            var clients = sp.GetRequiredService<StorageClients>();
            var names = new StorageNames(sp.GetRequiredService<IOptions<PulseOptions>>().Value.StoragePrefix);
            return new PulseStorage(clients.Tables, clients.Queues, names);
        });
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<WaveStore>();
        services.AddSingleton<RosterStore>();
        services.AddSingleton<QueueSender>();
        services.AddSingleton<PoisonQueues>();
        services.AddSingleton<PoisonMessages>();

        // Every step sends through a few shared SMTP sessions instead of a connection per batch, and every email
        // through them waits for its turn from the limiter that all hosts share. The SMTP sender itself is not
        // registered, so nothing can reach SMTP around the pool and the limiter.
        services.AddSingleton<SendLedgerStore>();
        services.AddSingleton<SharedSendLimiter>();
        services.AddSingleton<ISendLimiter>(sp => sp.GetRequiredService<SharedSendLimiter>());
        services.AddSingleton<IMailSender>(sp => new SmtpSessionPool(
            new SmtpMailSender(sp.GetRequiredService<IOptions<PulseOptions>>()),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ISendLimiter>()));

        services.AddSingleton<WaveArchive>();
        services.AddSingleton<OpenWaveStep>();
        services.AddSingleton<SendInvitationsStep>();
        services.AddSingleton<SendRemindersStep>();
        services.AddSingleton<TallyResponseStep>();
        services.AddSingleton<CloseWavesStep>();
        services.AddSingleton<PublishWaveStep>();
        services.AddSingleton<PublishedHistory>();
        services.AddSingleton<DetectShiftsStep>();
        services.AddSingleton<DigestEffects>();
        services.AddSingleton<DigestBuilder>();
        services.AddSingleton<SendAlertsStep>();

        services.AddSingleton<AuditLog>();
        services.AddSingleton<Access.SignOuts>();
        services.AddSingleton(sp => new Access.ServedHosts(sp.GetRequiredService<IOptions<PulseOptions>>().Value.SurveyBaseUrl, configuration[Access.ServedHosts.PlatformHostSetting]));
        services.AddSingleton<KnownUnits>();
        services.AddSingleton<InterventionStore>();
        services.AddSingleton<EffectStore>();
        services.AddSingleton<EstimateEffectsStep>();
        services.AddSingleton<InterventionImporter>();
        services.AddSingleton<PlanStore>();
        services.AddSingleton<PlanEligibility>();
        services.AddSingleton<PlanRegistry>();
        services.AddSingleton<PlanDraws>();
        services.AddSingleton<PlanEffectStore>();
        services.AddSingleton<PlanEstimates>();
        services.AddSingleton<DigestPlans>();

        services.AddSingleton<TokenTables>();
        services.AddSingleton<SurveyResponses>();
        services.AddSingleton<SurveyEndpoint>();
        return services;
    }

    /// <summary>
    /// The shift model the host ships with, loaded now: a host whose model is missing or made for other data refuses
    /// to start (<see cref="ShiftModelRejectedException"/>) instead of failing at its first detection.
    /// </summary>
    /// <param name="directory">Where the model's zip and schema are; default <see cref="ShiftModelFiles.DefaultDirectory"/>.</param>
    public static IServiceCollection AddShippedShiftModel(this IServiceCollection services, string? directory = null) =>
        services.AddSingleton(ShiftModelFiles.Load(directory ?? ShiftModelFiles.DefaultDirectory));
}
