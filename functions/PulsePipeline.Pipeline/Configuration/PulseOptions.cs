using Microsoft.Extensions.Configuration;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Publication;

namespace PulsePipeline.Pipeline.Configuration;

/// <summary>
/// Every setting of the pipeline, one flat app setting each (PULSE_*), the same in local.settings.json, the
/// Functions app settings and the Bicep. Validated at start-up by <see cref="PulseOptionsValidator"/>: a bad
/// value stops the host with a message naming the key.
/// </summary>
public sealed class PulseOptions
{
    /// <summary>Minimum respondents behind every published figure (at least <see cref="Publisher.MinimumK"/>).</summary>
    [ConfigurationKeyName("PULSE_K")]
    public int K { get; set; } = Publisher.DefaultK;

    /// <summary>HMAC key for survey tokens; at least 32 bytes. Losing it makes open waves' links unverifiable.</summary>
    [ConfigurationKeyName("PULSE_TOKEN_SECRET")]
    public string TokenSecret { get; set; } = "";

    /// <summary>NCRONTAB (six fields, with seconds) on which a new wave opens.</summary>
    [ConfigurationKeyName("PULSE_WAVE_SCHEDULE")]
    public string WaveSchedule { get; set; } = "0 0 8 1 * *";

    /// <summary>NCRONTAB on which waves whose time is up are closed and their publication queued.</summary>
    [ConfigurationKeyName("PULSE_CLOSE_SCHEDULE")]
    public string CloseSchedule { get; set; } = "0 */15 * * * *";

    /// <summary>NCRONTAB on which reminders that are due go out (weekdays only, whatever the schedule says).</summary>
    [ConfigurationKeyName("PULSE_REMINDER_SCHEDULE")]
    public string ReminderSchedule { get; set; } = "0 0 9 * * 1-5";

    /// <summary>Comma-separated days after opening on which reminders 1, 2, 3 fall due (at most three; empty: none).</summary>
    [ConfigurationKeyName("PULSE_REMINDER_DAYS")]
    public string ReminderDays { get; set; } = "7,10,12";

    /// <summary>Days a wave stays open for answers.</summary>
    [ConfigurationKeyName("PULSE_WAVE_LENGTH_DAYS")]
    public int WaveLengthDays { get; set; } = 14;

    /// <summary>Comma-separated addresses that receive the IPIM digest.</summary>
    [ConfigurationKeyName("PULSE_IPIM_RECIPIENTS")]
    public string IpimRecipients { get; set; } = "";

    /// <summary>Public base URL of the survey form; links are {base}/survey/{token}.</summary>
    [ConfigurationKeyName("PULSE_SURVEY_BASE_URL")]
    public string SurveyBaseUrl { get; set; } = "";

    /// <summary>Send the IPIM digest also when no unit is flagged and the organisation did not change.</summary>
    [ConfigurationKeyName("PULSE_DIGEST_WHEN_QUIET")]
    public bool DigestWhenQuiet { get; set; }

    /// <summary>Language of the IPIM digest: nl (IPIM works in Dutch) or en.</summary>
    [ConfigurationKeyName("PULSE_DIGEST_LANGUAGE")]
    public string DigestLanguage { get; set; } = "nl";

    [ConfigurationKeyName("PULSE_SENDER_ADDRESS")]
    public string SenderAddress { get; set; } = "";

    [ConfigurationKeyName("PULSE_SENDER_NAME")]
    public string SenderName { get; set; } = "Integriteitspuls";

    [ConfigurationKeyName("PULSE_SMTP_HOST")]
    public string SmtpHost { get; set; } = "";

    [ConfigurationKeyName("PULSE_SMTP_PORT")]
    public int SmtpPort { get; set; } = 587;

    /// <summary>Require STARTTLS (Azure Communication Services); off only for smtp4dev on loopback.</summary>
    [ConfigurationKeyName("PULSE_SMTP_STARTTLS")]
    public bool SmtpStartTls { get; set; } = true;

    [ConfigurationKeyName("PULSE_SMTP_USERNAME")]
    public string SmtpUsername { get; set; } = "";

    [ConfigurationKeyName("PULSE_SMTP_PASSWORD")]
    public string SmtpPassword { get; set; } = "";

    /// <summary>
    /// Most emails in any sliding window, across every host instance (<see cref="Models.Sending.SendLimits"/>), e.g.
    /// "30/1m,100/1h"; empty is unlimited.
    /// </summary>
    [ConfigurationKeyName("PULSE_SEND_LIMITS")]
    public string SendLimits { get; set; } = "";

    /// <summary>The send limits, shortest window first; only meaningful once the options are validated.</summary>
    public IReadOnlyList<Models.Sending.SendLimit> SendLimitList => Models.Sending.SendLimits.TryParse(SendLimits, out _) ?? [];

    /// <summary>Prefix for every table and queue name, so several runs can share one storage account.</summary>
    [ConfigurationKeyName("PULSE_STORAGE_PREFIX")]
    public string StoragePrefix { get; set; } = "";

    /// <summary>The reminder days as numbers; only meaningful once the options are validated.</summary>
    public IReadOnlyList<int> ReminderDayList =>
        ReminderDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.TryParse(d, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day) ? day : -1)
            .ToList();

    /// <summary>Where the thank-you page sends employees who want to talk to a confidential adviser (vertrouwenspersoon).</summary>
    [ConfigurationKeyName("PULSE_CONFIDENTIAL_ADVISER_URL")]
    public string ConfidentialAdviserUrl { get; set; } = "https://www.rijksoverheid.nl/onderwerpen/integriteit-overheid";

    /// <summary>The independent reporting channel the thank-you page names (Huis voor Klokkenluiders).</summary>
    [ConfigurationKeyName("PULSE_REPORTING_CHANNEL_URL")]
    public string ReportingChannelUrl { get; set; } = "https://www.huisvoorklokkenluiders.nl";

    /// <summary>The digest language; only meaningful once the options are validated.</summary>
    public Language DigestLanguageValue => Languages.TryParse(DigestLanguage, out var language) ? language.Value : Language.Nl;

    /// <summary>
    /// The IPIM workspace's development sign-in (pick a name and a role on a form), for `pulse host` on loopback
    /// only. The Functions app refuses to start with it on: in Azure only App Service Authentication signs people in.
    /// </summary>
    [ConfigurationKeyName("PULSE_DEV_SIGNIN")]
    public bool DevSignIn { get; set; }

    public IReadOnlyList<string> IpimRecipientList =>
        IpimRecipients.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
