using PulsePipeline.Cli;

return await PulseCommandLine.Create().Parse(args).InvokeAsync();
