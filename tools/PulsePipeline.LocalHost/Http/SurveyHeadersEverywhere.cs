using System.IO.Pipelines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using PulsePipeline.Pipeline.Survey;

namespace PulsePipeline.LocalHost.Http;

/// <summary>
/// Every response of `pulse host` carries the survey's headers (<see cref="SurveyHeaders"/>): CSP, no-store,
/// no-referrer, nosniff, frame-ancestors and X-Frame-Options. Two layers, because Kestrel answers some requests
/// before any middleware runs (a malformed request 400, a target or header block over its limits 414/431, an HTTP
/// version it does not speak 505):
/// <list type="bullet">
/// <item>a middleware sets each header a handler has not set by the time the response starts, so a page with its
/// own stricter or equal policy (the workspace's) keeps it;</item>
/// <item>a connection middleware adds the headers to any response head that still lacks them on its way to the
/// socket, which in practice means Kestrel's own answers.</item>
/// </list>
/// </summary>
internal static class SurveyHeadersEverywhere
{
    /// <summary>The pipeline layer; register it first, so its callback runs after every handler's own.</summary>
    public static IApplicationBuilder UseSurveyHeadersEverywhere(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(
                static state =>
                {
                    SurveyHeaders.ApplyMissing(((HttpContext)state).Response);
                    return Task.CompletedTask;
                },
                context);
            return next(context);
        });

    /// <summary>
    /// The connection layer, for every endpoint. HTTP/1.1 only: the head rewriting reads HTTP/1.1, and survey
    /// links are plain http locally anyway (no TLS, so no HTTP/2 to negotiate).
    /// </summary>
    public static void UseSurveyHeadersEverywhere(this ListenOptions listen)
    {
        listen.Protocols = HttpProtocols.Http1;
        listen.Use(next => async connection =>
        {
            var transport = connection.Transport;
            var output = new HeaderAddingStream(transport.Output.AsStream(leaveOpen: true));
            connection.Transport = new Duplex(transport.Input, PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true)));
            try
            {
                await next(connection);
                await output.FlushAsync();
            }
            finally
            {
                connection.Transport = transport;
                await output.DisposeAsync();
            }
        });
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
