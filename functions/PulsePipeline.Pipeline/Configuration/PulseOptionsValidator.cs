using System.Text;
using Microsoft.Extensions.Options;
using NCrontab;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Publication;
using PulsePipeline.Models.Roster;

namespace PulsePipeline.Pipeline.Configuration;

/// <summary>
/// Start-up validation of <see cref="PulseOptions"/>. Every message names the app setting to fix, because that
/// is what an operator sees in the portal or in local.settings.json.
/// </summary>
public sealed class PulseOptionsValidator : IValidateOptions<PulseOptions>
{
    public const int MinimumSecretBytes = 32;
    public const int MaximumReminders = 3;
    public const int MinimumWaveLengthDays = 1;
    public const int MaximumWaveLengthDays = 90;

    public ValidateOptionsResult Validate(string? name, PulseOptions options)
    {
        var failures = Check(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Check(PulseOptions o) =>
        [.. Privacy(o), .. Secrets(o), .. Calendar(o), .. Addresses(o), .. Mail(o), .. Storage(o)];

    private static IEnumerable<string> Privacy(PulseOptions o)
    {
        if (o.K < Publisher.MinimumK)
        {
            yield return $"PULSE_K must be at least {Publisher.MinimumK} (k-anonymity threshold); it is {o.K}.";
        }

        if (Encoding.UTF8.GetByteCount(o.TokenSecret) < MinimumSecretBytes)
        {
            yield return $"PULSE_TOKEN_SECRET must be set to at least {MinimumSecretBytes} bytes of random text (e.g. `openssl rand -base64 48`).";
        }
    }

    /// <summary>
    /// App Service passes an unresolved Key Vault reference through as the literal text: long enough to pass the
    /// length check, and no secret at all.
    /// </summary>
    private static IEnumerable<string> Secrets(PulseOptions o)
    {
        foreach (var (key, value) in new[] { ("PULSE_TOKEN_SECRET", o.TokenSecret), ("PULSE_SMTP_USERNAME", o.SmtpUsername), ("PULSE_SMTP_PASSWORD", o.SmtpPassword) })
        {
            if (value.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{key} is an unresolved Key Vault reference: check the app's identity has Key Vault Secrets User and the secret exists.";
            }
        }
    }

    /// <summary>The schedules, the wave's length and the reminder days.</summary>
    private static IEnumerable<string> Calendar(PulseOptions o)
    {
        foreach (var (key, value) in Schedules(o))
        {
            if (CrontabSchedule.TryParse(value, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is null)
            {
                yield return $"{key} must be a six-field NCRONTAB expression (second minute hour day month weekday), e.g. \"0 0 8 1 * *\"; it is \"{value}\".";
            }
        }

        if (o.WaveLengthDays is < MinimumWaveLengthDays or > MaximumWaveLengthDays)
        {
            yield return $"PULSE_WAVE_LENGTH_DAYS must be {MinimumWaveLengthDays}–{MaximumWaveLengthDays}; it is {o.WaveLengthDays}.";
        }

        var days = o.ReminderDayList;
        if (days.Count > MaximumReminders || days.Any(d => d < 1 || d >= o.WaveLengthDays) || days.Zip(days.Skip(1)).Any(p => p.First >= p.Second))
        {
            yield return $"PULSE_REMINDER_DAYS must list at most {MaximumReminders} increasing whole days after opening, each before the wave closes (PULSE_WAVE_LENGTH_DAYS = {o.WaveLengthDays}), e.g. \"7,10,12\"; it is \"{o.ReminderDays}\".";
        }
    }

    /// <summary>Who gets what, in which language, and the links the emails and the thank-you page carry.</summary>
    private static IEnumerable<string> Addresses(PulseOptions o)
    {
        if (o.IpimRecipientList.Count == 0 || !o.IpimRecipientList.All(RosterFormats.IsValidEmail))
        {
            yield return "PULSE_IPIM_RECIPIENTS must hold one or more comma-separated email addresses.";
        }

        if (!Languages.TryParse(o.DigestLanguage, out _))
        {
            yield return $"PULSE_DIGEST_LANGUAGE must be nl or en; it is \"{o.DigestLanguage}\".";
        }

        if (!Uri.TryCreate(o.SurveyBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            yield return "PULSE_SURVEY_BASE_URL must be an absolute http(s) URL without query or fragment, e.g. https://pulse.example.nl.";
        }

        foreach (var (key, value) in Links(o))
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var link) || link.Scheme is not ("https" or "http"))
            {
                yield return $"{key} must be an absolute http(s) URL, e.g. https://intranet.example.nl/integriteit; it is \"{value}\".";
            }
        }
    }

    /// <summary>The sender and the SMTP relay.</summary>
    private static IEnumerable<string> Mail(PulseOptions o)
    {
        if (!RosterFormats.IsValidEmail(o.SenderAddress))
        {
            yield return "PULSE_SENDER_ADDRESS must be an email address.";
        }

        if (o.SenderName.Length is 0 or > 100 || o.SenderName.Any(char.IsControl))
        {
            yield return "PULSE_SENDER_NAME must be 1–100 characters.";
        }

        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            yield return "PULSE_SMTP_HOST must be set.";
        }

        if (o.SmtpPort is < 1 or > 65535)
        {
            yield return $"PULSE_SMTP_PORT must be 1–65535; it is {o.SmtpPort}.";
        }

        if (o.SmtpUsername.Length > 0 != o.SmtpPassword.Length > 0)
        {
            yield return "PULSE_SMTP_USERNAME and PULSE_SMTP_PASSWORD must be set together (or both left empty).";
        }

        if (Models.Sending.SendLimits.TryParse(o.SendLimits, out var limitError) is null)
        {
            yield return $"PULSE_SEND_LIMITS must be empty (unlimited) or count/window pairs such as 30/1m,100/1h: {limitError}";
        }
    }

    private static IEnumerable<string> Storage(PulseOptions o)
    {
        if (o.StoragePrefix.Length > 16 || (o.StoragePrefix.Length > 0 && !(char.IsAsciiLetterLower(o.StoragePrefix[0]) && o.StoragePrefix.All(char.IsAsciiLetterOrDigit) && o.StoragePrefix.All(c => !char.IsAsciiLetterUpper(c)))))
        {
            yield return "PULSE_STORAGE_PREFIX must be empty or up to 16 lowercase letters and digits, starting with a letter.";
        }
    }

    private static IEnumerable<(string Key, string Value)> Links(PulseOptions o)
    {
        yield return ("PULSE_CONFIDENTIAL_ADVISER_URL", o.ConfidentialAdviserUrl);
        yield return ("PULSE_REPORTING_CHANNEL_URL", o.ReportingChannelUrl);
    }

    private static IEnumerable<(string Key, string Value)> Schedules(PulseOptions o)
    {
        yield return ("PULSE_WAVE_SCHEDULE", o.WaveSchedule);
        yield return ("PULSE_CLOSE_SCHEDULE", o.CloseSchedule);
        yield return ("PULSE_REMINDER_SCHEDULE", o.ReminderSchedule);
    }
}
