using Azure;
using Microsoft.Extensions.Options;
using PulsePipeline.LocalHost;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Email;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// Turns the failures a user can fix (bad settings, storage not running, no time-zone data, no fitting shift model,
/// a taken port) into a clear message and exit code 2 instead of a stack trace.
/// </summary>
internal static class CommandErrors
{
    public const int UserError = 2;

    public static async Task<int> GuardAsync(Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync("The settings are not valid:");
            foreach (var failure in e.Failures)
            {
                await Console.Error.WriteLineAsync($"  - {failure}");
            }

            await Console.Error.WriteLineAsync("Fix them in local.settings.json (start from local.settings.sample.json) or the environment.");
            return UserError;
        }
        catch (Exception e) when (e is TimeZoneDataMissingException or ShiftModelRejectedException or PortInUseException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return UserError;
        }
        catch (RequestFailedException e) when (e.Status == 0 || e.InnerException is HttpRequestException)
        {
            await Console.Error.WriteLineAsync($"Cannot reach storage ({e.InnerException?.Message ?? e.Message}). Is Azurite running? `./pulse` starts it; check AzureWebJobsStorage.");
            return UserError;
        }
        catch (AggregateException e) when (e.InnerException is RequestFailedException r && (r.Status == 0 || r.InnerException is HttpRequestException))
        {
            await Console.Error.WriteLineAsync($"Cannot reach storage ({r.InnerException?.Message ?? r.Message}). Is Azurite running? `./pulse` starts it; check AzureWebJobsStorage.");
            return UserError;
        }
    }
}
