namespace PulsePipeline.LocalHost;

/// <summary>
/// The local host's HTTP port is taken (another `pulse host`, a demo, a bench, or something else): the message names
/// the port and the setting that moves it, instead of Kestrel's stack trace.
/// </summary>
public sealed class PortInUseException : Exception
{
    public PortInUseException()
    {
    }

    public PortInUseException(string message)
        : base(message)
    {
    }

    public PortInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static PortInUseException For(string url, Exception? inner = null)
    {
        var port = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : url;
        var message = $"Port {port} is already in use, so the local host cannot listen on {url}. Stop what listens there, " +
            $"or move pulse to a free port: PULSE_HTTP_PORT=<port> ./pulse … (the default is {LocalPipelineHost.DefaultPort}; `pulse host` also takes --url).";
        return inner is null ? new PortInUseException(message) : new PortInUseException(message, inner);
    }
}
