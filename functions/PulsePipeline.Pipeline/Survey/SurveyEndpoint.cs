using System.Text;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Pipeline.Access;
using PulsePipeline.Pipeline.Configuration;

namespace PulsePipeline.Pipeline.Survey;

/// <summary>
/// GET/HEAD/POST /survey/{token}: the one handler behind both hosts (Kestrel in `pulse host`, the Functions HTTP
/// trigger in Azure). GET shows the form; POST validates token and answers, enqueues one identity-free response
/// and marks the token used. Every outcome is a page in the employee's language with a precise status — 404
/// unknown link, 410 closed wave, 409 used link, 400 invalid answers (the form again, with errors), 413/415/405
/// for requests no browser form sends, 400 for a host this app does not serve (<see cref="ServedHosts"/>, checked
/// before anything else) — and 503 when storage fails, never a 500; nothing is enqueued on any of
/// them. Nothing here logs a token, its hash, a unit or an answer, and successes are not logged at all: a log
/// line per response would be a per-response timestamp.
/// </summary>
public sealed class SurveyEndpoint(SurveyResponses responses, IOptions<PulseOptions> options, ServedHosts hosts, ILogger<SurveyEndpoint> logger)
{
    /// <summary>Far above any real answer set (13 items take about 65 bytes), far below anything costly.</summary>
    public const int MaxBodyBytes = 4096;

    public const string Allow = "GET, HEAD, POST";

    public async Task HandleAsync(HttpContext context, string? token)
    {
        var request = context.Request;
        SurveyHeaders.Apply(context.Response);
        token = token is [.. var head, '/'] ? head : token;
        var wellFormed = SurveyTokens.IsWellFormed(token);
        var page = new SurveyPage(
            LanguageOf(request),
            wellFormed ? $"{request.PathBase}/survey/{token}" : null,
            options.Value.K,
            options.Value.ConfidentialAdviserUrl,
            options.Value.ReportingChannelUrl);
        try
        {
            var (status, html) = await RespondAsync(request, wellFormed ? token! : null, page, context.RequestAborted);
            await WriteAsync(context, status, html);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The employee went away; there is no one to answer.
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // The server could not read the body (broken chunked framing, fewer bytes than Content-Length, too slow):
            // the client's fault, so its own 4xx with the "could not be read" page, not a 503 inviting a retry.
            await WriteAsync(context, e.StatusCode, SurveyPages.Problem(page, SurveyProblem.UnsupportedContent));
        }
        catch (Exception e)
        {
            // Whatever failed, the employee gets a page saying so, never a bare 500. Exception messages of the
            // storage SDK can quote request details (keys are token hashes), so only the kind is logged.
            logger.LogError("Survey request failed: {ErrorType} {Status} {ErrorCode}", e.GetType().Name, (e as RequestFailedException)?.Status, (e as RequestFailedException)?.ErrorCode);
            if (!context.Response.HasStarted)
            {
                context.Response.Headers.RetryAfter = "120";
                await WriteAsync(context, SurveyProblem.Unavailable.Status(), SurveyPages.Problem(page, SurveyProblem.Unavailable));
            }
        }
    }

    /// <summary>
    /// What no route serves (`/`, `//survey/…`, `/survey%2F…`): the unknown-link page, 404, so a mangled link still
    /// says what happened, in the employee's language, with the survey's headers; under a host this app does not serve,
    /// the unknown-host page, 400.
    /// </summary>
    public Task NotFoundAsync(HttpContext context)
    {
        SurveyHeaders.Apply(context.Response);
        var page = new SurveyPage(LanguageOf(context.Request), null, options.Value.K, options.Value.ConfidentialAdviserUrl, options.Value.ReportingChannelUrl);
        var problem = hosts.Serves(context.Request) ? SurveyProblem.UnknownLink : SurveyProblem.UnknownHost;
        return WriteAsync(context, problem.Status(), SurveyPages.Problem(page, problem));
    }

    private async Task<(int Status, string Html)> RespondAsync(HttpRequest request, string? token, SurveyPage page, CancellationToken cancellationToken)
    {
        if (!hosts.Serves(request))
        {
            return Problem(page with { FormPath = null }, SurveyProblem.UnknownHost);
        }

        var isPost = HttpMethods.IsPost(request.Method);
        if (!isPost && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            request.HttpContext.Response.Headers.Allow = Allow;
            return Problem(page, SurveyProblem.MethodNotAllowed);
        }

        // A malformed token cannot be in storage: answer without touching it.
        if (token is null)
        {
            return Problem(page, SurveyProblem.UnknownLink);
        }

        string? body = null;
        if (isPost)
        {
            (body, var unreadable) = await ReadFormAsync(request, cancellationToken);
            if (unreadable is { } problem)
            {
                return Problem(page, problem);
            }
        }

        var (state, open) = await responses.LookupAsync(token, cancellationToken);
        if (state is { } refused)
        {
            return Problem(page, refused);
        }

        if (!isPost)
        {
            return (StatusCodes.Status200OK, SurveyPages.Form(page, open!.Instrument, SurveyFormResult.Empty));
        }

        var form = SurveyFormParser.Parse(body!, open!.Instrument);
        if (!form.IsValid)
        {
            return (StatusCodes.Status400BadRequest, SurveyPages.Form(page, open.Instrument, form));
        }

        // Once answers are going in, finish whatever the browser does: a half-done submission helps no one.
        return await responses.SubmitAsync(open, form.Answers, CancellationToken.None)
            ? (StatusCodes.Status200OK, SurveyPages.ThankYou(page))
            : Problem(page, SurveyProblem.AlreadyAnswered);
    }

    private static (int, string) Problem(SurveyPage page, SurveyProblem problem) => (problem.Status(), SurveyPages.Problem(page, problem));

    /// <summary>The body as text, or why it is refused: not a UTF-8 urlencoded form (415), or over the limit (413).</summary>
    private static async Task<(string? Body, SurveyProblem? Problem)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsUrlEncodedForm(request.ContentType))
        {
            return (null, SurveyProblem.UnsupportedContent);
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, SurveyProblem.TooLarge);
        }

        // Read at most one byte past the limit, whatever the body claims (chunked bodies have no length).
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > MaxBodyBytes ? (null, SurveyProblem.TooLarge) : (Encoding.UTF8.GetString(buffer, 0, length), null);
    }

    private static bool IsUrlEncodedForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
        && media.Parameters.All(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase) && p.Value.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>?lang=nl|en picks the language; anything else, or none, is Dutch.</summary>
    private static Language LanguageOf(HttpRequest request) =>
        request.Query["lang"] is { Count: 1 } codes && Languages.TryParse(codes[0], out var language) ? language.Value : Language.Nl;

    private static Task WriteAsync(HttpContext context, int status, string html) => HtmlResponse.WriteAsync(context, status, html);
}
