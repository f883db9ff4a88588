using PulsePipeline.Pipeline.Configuration;

namespace PulsePipeline.UnitTests.Configuration;

public sealed class PulseOptionsValidatorTests
{
    public static PulseOptions Valid() => new()
    {
        K = 5,
        TokenSecret = new string('s', 32),
        WaveSchedule = "0 0 8 1 * *",
        WaveLengthDays = 14,
        IpimRecipients = "ipim@example.nl, second@example.nl",
        SurveyBaseUrl = "https://pulse.example.nl",
        SenderAddress = "pulse@example.nl",
        SenderName = "Integriteitspuls",
        SmtpHost = "smtp.azurecomm.net",
        SmtpPort = 587,
    };

    [Fact]
    public void ValidOptions_Pass()
    {
        var result = new PulseOptionsValidator().Validate(null, Valid());
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    public static TheoryData<string, Action<PulseOptions>> BadValues => new()
    {
        { "PULSE_K", o => o.K = 2 },
        { "PULSE_K", o => o.K = -5 },
        { "PULSE_TOKEN_SECRET", o => o.TokenSecret = "" },
        { "PULSE_TOKEN_SECRET", o => o.TokenSecret = new string('s', 31) },
        { "PULSE_WAVE_SCHEDULE", o => o.WaveSchedule = "every monday" },
        { "PULSE_WAVE_SCHEDULE", o => o.WaveSchedule = "0 8 1 * *" },
        { "PULSE_CLOSE_SCHEDULE", o => o.CloseSchedule = "*/15 * * * *" },
        { "PULSE_REMINDER_SCHEDULE", o => o.ReminderSchedule = "" },
        { "PULSE_REMINDER_DAYS", o => o.ReminderDays = "7,10,12,13" },
        { "PULSE_REMINDER_DAYS", o => o.ReminderDays = "10,7" },
        { "PULSE_REMINDER_DAYS", o => o.ReminderDays = "7,14" },
        { "PULSE_REMINDER_DAYS", o => o.ReminderDays = "seven" },
        { "PULSE_TOKEN_SECRET", o => o.TokenSecret = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/token/)" },
        { "PULSE_WAVE_LENGTH_DAYS", o => { o.WaveLengthDays = 0; o.ReminderDays = ""; } },
        { "PULSE_WAVE_LENGTH_DAYS", o => { o.WaveLengthDays = 91; o.ReminderDays = ""; } },
        { "PULSE_IPIM_RECIPIENTS", o => o.IpimRecipients = "" },
        { "PULSE_IPIM_RECIPIENTS", o => o.IpimRecipients = "ipim@example.nl, not-an-address" },
        { "PULSE_SURVEY_BASE_URL", o => o.SurveyBaseUrl = "pulse.example.nl" },
        { "PULSE_SURVEY_BASE_URL", o => o.SurveyBaseUrl = "ftp://pulse.example.nl" },
        { "PULSE_SURVEY_BASE_URL", o => o.SurveyBaseUrl = "https://pulse.example.nl/?x=1" },
        { "PULSE_SENDER_ADDRESS", o => o.SenderAddress = "pulse" },
        { "PULSE_SENDER_NAME", o => o.SenderName = "" },
        { "PULSE_SMTP_HOST", o => o.SmtpHost = " " },
        { "PULSE_SMTP_PORT", o => o.SmtpPort = 0 },
        { "PULSE_SMTP_PORT", o => o.SmtpPort = 70000 },
        { "PULSE_SMTP_USERNAME", o => o.SmtpUsername = "user" },
        { "PULSE_SEND_LIMITS", o => o.SendLimits = "30" },
        { "PULSE_SEND_LIMITS", o => o.SendLimits = "0/1m" },
        { "PULSE_SEND_LIMITS", o => o.SendLimits = "30/1m,40/60s" },
        { "PULSE_CONFIDENTIAL_ADVISER_URL", o => o.ConfidentialAdviserUrl = "" },
        { "PULSE_CONFIDENTIAL_ADVISER_URL", o => o.ConfidentialAdviserUrl = "intranet/vertrouwenspersoon" },
        { "PULSE_CONFIDENTIAL_ADVISER_URL", o => o.ConfidentialAdviserUrl = "javascript:alert(1)" },
        { "PULSE_REPORTING_CHANNEL_URL", o => o.ReportingChannelUrl = "ftp://huisvoorklokkenluiders.nl" },
        { "PULSE_REPORTING_CHANNEL_URL", o => o.ReportingChannelUrl = " " },
        { "PULSE_STORAGE_PREFIX", o => o.StoragePrefix = "Bad-Prefix" },
        { "PULSE_STORAGE_PREFIX", o => o.StoragePrefix = "1abc" },
        { "PULSE_DIGEST_LANGUAGE", o => o.DigestLanguage = "de" },
        { "PULSE_DIGEST_LANGUAGE", o => o.DigestLanguage = "NL" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void EachBadValue_IsRefused_WithAMessageNamingTheKey(string key, Action<PulseOptions> spoil)
    {
        var options = Valid();
        spoil(options);

        var result = new PulseOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains(key, failure, StringComparison.Ordinal);
    }
}
