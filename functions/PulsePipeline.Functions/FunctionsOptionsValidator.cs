using Microsoft.Extensions.Options;
using PulsePipeline.Pipeline.Configuration;

namespace PulsePipeline.Functions;

/// <summary>
/// Settings the Functions app refuses although `pulse host` accepts them. A storage prefix: the app's queue
/// triggers name fixed queues (invitations, responses, …), which the build writes into functions.metadata and the
/// Functions host binds before any of our code runs, so with a prefix the steps would write to queues nothing
/// reads. In Azure each environment has a storage account of its own (infra/main.bicep), which is what the prefix
/// stands in for locally; PulsePipeline.DeploymentTests check that Bicep leaves it empty.
/// </summary>
public sealed class FunctionsOptionsValidator : IValidateOptions<PulseOptions>
{
    public ValidateOptionsResult Validate(string? name, PulseOptions options) =>
        options.StoragePrefix.Length == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"PULSE_STORAGE_PREFIX must be empty in the Functions app; it is \"{options.StoragePrefix}\". The app's queue triggers bind the unprefixed queue names " +
                "(functions.metadata), so with a prefix nothing would read the queues the steps write to. Give each environment its own storage account instead.");
}
