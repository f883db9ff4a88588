using Microsoft.AspNetCore.Http;
using PulsePipeline.Pipeline.Access;

namespace PulsePipeline.UnitTests.Security;

/// <summary>Which Host headers and Origins count as this app's: the configured ones only, never whatever the request says.</summary>
public sealed class ServedHostsTests
{
    private static readonly ServedHosts Local = new("http://127.0.0.1:7071", null);
    private static readonly ServedHosts Azure = new("https://pulse.example.nl", "func-pulse.azurewebsites.net");

    [Theory]
    [InlineData("127.0.0.1:7071", true)]
    [InlineData("localhost:7071", true)]
    [InlineData("LocalHost:7071", true)]
    [InlineData("[::1]:7071", true)]
    [InlineData("rebind.example:7071", false)]
    [InlineData("127.0.0.1.nip.io:7071", false)]
    [InlineData("localhost:7072", false)]
    [InlineData("localhost", false)]
    [InlineData("", false)]
    public void Locally_EachLoopbackName_OnThePortTheRequestCameIn(string host, bool served) =>
        Assert.Equal(served, Local.Serves(Request(host, arrivalPort: 7071)));

    [Fact]
    public void Locally_TheArrivalPortCounts_SoAHostOnAnotherUrlServesItsOwnPort()
    {
        Assert.True(Local.Serves(Request("localhost:8080", arrivalPort: 8080)));
        Assert.False(Local.Serves(Request("localhost:8081", arrivalPort: 8080)));
    }

    [Theory]
    [InlineData("pulse.example.nl", true)]
    [InlineData("PULSE.example.nl:443", true)]
    [InlineData("func-pulse.azurewebsites.net", true)]
    [InlineData("pulse.example.nl:80", false)]
    [InlineData("pulse.example.nl.evil.example", false)]
    [InlineData("127.0.0.1:7071", false)]
    [InlineData("localhost:7071", false)]
    public void InAzure_TheBaseUrlsHostAndThePlatformsDefaultHostName_AndNoLoopback(string host, bool served) =>
        Assert.Equal(served, Azure.Serves(Request(host, arrivalPort: 7071)));

    [Theory]
    [InlineData("http://127.0.0.1:7071", true)]
    [InlineData("http://localhost:7071", true)]
    [InlineData("http://[::1]:7071", true)]
    [InlineData("http://rebind.example:7071", false)]
    [InlineData("https://127.0.0.1:7071", false)]
    [InlineData("http://127.0.0.1:7072", false)]
    [InlineData("http://127.0.0.1:7071/ipim", false)]
    [InlineData("not an origin", false)]
    public void Locally_AnOriginIsOursOnlyOnALoopbackNameAndThisPort(string origin, bool ours) =>
        Assert.Equal(ours, Local.IsServedOrigin(Request("127.0.0.1:7071", arrivalPort: 7071), origin));

    [Theory]
    [InlineData("https://pulse.example.nl", true)]
    [InlineData("https://func-pulse.azurewebsites.net", true)]
    [InlineData("http://pulse.example.nl", false)]
    [InlineData("https://rebind.example", false)]
    public void InAzure_AnOriginIsOursOnlyWhenConfigured_WhateverTheHostSays(string origin, bool ours) =>
        Assert.Equal(ours, Azure.IsServedOrigin(Request("rebind.example", arrivalPort: 443, scheme: "https"), origin));

    private static HttpRequest Request(string host, int arrivalPort, string scheme = "http")
    {
        var context = new DefaultHttpContext();
        context.Connection.LocalPort = arrivalPort;
        context.Request.Scheme = scheme;
        if (host.Length > 0)
        {
            context.Request.Host = new HostString(host);
        }

        return context.Request;
    }
}
