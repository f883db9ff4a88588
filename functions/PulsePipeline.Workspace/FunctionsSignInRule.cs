using Microsoft.Extensions.Options;
using PulsePipeline.Pipeline.Configuration;

namespace PulsePipeline.Workspace;

/// <summary>The Functions app refuses to start with the development sign-in on: in Azure only App Service Authentication signs people in.</summary>
public sealed class FunctionsSignInRule : IValidateOptions<PulseOptions>
{
    public const string Message = "PULSE_DEV_SIGNIN must be false in the Azure Functions app: the development sign-in exists for `pulse host` on loopback only; in Azure, App Service Authentication (Entra ID) signs IPIM staff in.";

    public ValidateOptionsResult Validate(string? name, PulseOptions options) =>
        options.DevSignIn ? ValidateOptionsResult.Fail(Message) : ValidateOptionsResult.Success;
}
