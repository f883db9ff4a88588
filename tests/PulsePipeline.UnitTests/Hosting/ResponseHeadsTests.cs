using System.Text;
using Microsoft.AspNetCore.Http;
using PulsePipeline.LocalHost.Http;
using PulsePipeline.Pipeline.Survey;

namespace PulsePipeline.UnitTests.Hosting;

/// <summary>The header rewriting of `pulse host`'s connections, and the middleware rule that a handler's own policy stands.</summary>
public sealed class ResponseHeadsTests
{
    private const string KestrelRejection = "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\nDate: Tue, 02 Mar 2027 10:00:00 GMT\r\n\r\n";

    [Fact]
    public void AKestrelRejection_GetsEveryHeader_AndKeepsItsOwn()
    {
        var result = Rewrite(KestrelRejection);

        Assert.StartsWith("HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n", result, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n", result, StringComparison.Ordinal);
        Assert.All(SurveyHeaders.All, h => Assert.Contains($"\r\n{h.Key}: {h.Value}\r\n", result, StringComparison.Ordinal));
        Assert.Equal(1, CountOf(result, "\r\n\r\n"));
    }

    [Fact]
    public void AHeadWithItsOwnPolicy_KeepsIt()
    {
        var head = "HTTP/1.1 200 OK\r\nContent-Security-Policy: default-src 'none'\r\nContent-Length: 2\r\n\r\nok";

        var result = Rewrite(head);

        Assert.Contains("Content-Security-Policy: default-src 'none'\r\n", result, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(result, "Content-Security-Policy:"));
        Assert.Contains("X-Content-Type-Options: nosniff\r\n", result, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\nok", result, StringComparison.Ordinal);
    }

    [Fact]
    public void AHeadThatHasEveryHeader_PassesUnchanged()
    {
        var complete = Encoding.Latin1.GetBytes(Rewrite(KestrelRejection));

        var result = ResponseHeads.AddMissing(complete);

        Assert.True(result.Span.SequenceEqual(complete));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html lang=\"nl\"><p>HTTP/1.1 400 in a page</p>")]
    [InlineData("HTTP/1.1 100 Continue\r\n\r\n")]
    [InlineData("1a\r\nHTTP/1.1 200 OK\r\n\r\n0\r\n\r\n")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0")]
    public void WhatIsNotAFinalResponseHead_PassesUnchanged(string segment)
    {
        Assert.Equal(segment, Rewrite(segment));
    }

    [Fact]
    public void TheMiddlewareRule_LeavesAHandlersOwnHeaders()
    {
        var response = new DefaultHttpContext().Response;
        response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        response.Headers.CacheControl = "private, no-store";

        SurveyHeaders.ApplyMissing(response);

        Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers.ContentSecurityPolicy);
        Assert.Equal("private, no-store", response.Headers.CacheControl);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions);
        Assert.Equal("DENY", response.Headers.XFrameOptions);
        Assert.Equal("no-referrer", response.Headers["Referrer-Policy"]);
    }

    private static string Rewrite(string segment) =>
        Encoding.Latin1.GetString(ResponseHeads.AddMissing(Encoding.Latin1.GetBytes(segment)).Span);

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
