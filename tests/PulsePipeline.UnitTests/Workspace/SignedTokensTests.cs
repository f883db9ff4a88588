using Microsoft.Extensions.Options;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.UnitTests.Workspace;

/// <summary>The development sign-in cookie and the antiforgery tokens: valid as issued, worthless when altered, expired or someone else's.</summary>
public sealed class SignedTokensTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly WorkspaceKeys Keys = KeysFor("a-secret-of-at-least-thirty-two-bytes-0123456789");

    private static WorkspaceKeys KeysFor(string secret) => new(Options.Create(new PulseOptions { TokenSecret = secret }));

    [Fact]
    public void DevCookie_RoundTrips_ToTheChosenNameAndRole_WithAStableIdPerName_AndANewSessionEachTime()
    {
        var first = DevSignInCookie.TryRead(Keys.DevSignIn, DevSignInCookie.Create(Keys.DevSignIn, "Ria", WorkspaceRoles.Editor, Now), Now.AddHours(1));
        var again = DevSignInCookie.TryRead(Keys.DevSignIn, DevSignInCookie.Create(Keys.DevSignIn, "Ria", WorkspaceRoles.Reader, Now.AddDays(3)), Now.AddDays(3));
        var other = DevSignInCookie.TryRead(Keys.DevSignIn, DevSignInCookie.Create(Keys.DevSignIn, "Ria ", WorkspaceRoles.Reader, Now), Now);

        Assert.NotNull(first);
        Assert.NotNull(again);
        Assert.Equal(("Ria", true), (first.Principal.Name, first.Principal.IsEditor));
        Assert.Equal(Now + DevSignInCookie.Lifetime, first.Expires);
        Assert.Matches("^dev-[0-9a-f]{16}$", first.Principal.Id);
        Assert.Equal(first.Principal.Id, again.Principal.Id);
        Assert.Equal(DevSignInCookie.IdFor(Keys.DevSignIn, "Ria"), first.Principal.Id);
        Assert.NotEqual(DevSignInCookie.IdFor(Keys.DevSignIn, "Rik"), first.Principal.Id);
        Assert.NotEqual(first.Id, again.Id);
        Assert.Null(other); // a name with a trailing space is not a name
    }

    [Theory]
    [InlineData("cli:demo")]
    [InlineData("CLI:jan")]
    [InlineData("")]
    [InlineData(" Ria")]
    public void DevSignIn_RefusesReservedAndUnusableNames(string name)
    {
        Assert.False(DevSignInCookie.IsValidName(name));
        Assert.Null(DevSignInCookie.TryRead(Keys.DevSignIn, DevSignInCookie.Create(Keys.DevSignIn, name, WorkspaceRoles.Editor, Now), Now));
    }

    [Fact]
    public void DevCookie_Altered_Expired_OrUnderAnotherSecret_IsRefused()
    {
        var cookie = DevSignInCookie.Create(Keys.DevSignIn, "Ria", WorkspaceRoles.Reader, Now);
        var forged = DevSignInCookie.Create(KeysFor("another-secret-of-at-least-thirty-two-bytes-xyz").DevSignIn, "Ria", WorkspaceRoles.Editor, Now);
        var body = cookie.Split('.')[0];
        var swapped = DevSignInCookie.Create(Keys.DevSignIn, "Ria", WorkspaceRoles.Editor, Now).Split('.')[0] + "." + cookie.Split('.')[1];

        Assert.NotNull(DevSignInCookie.TryRead(Keys.DevSignIn, cookie, Now));
        Assert.Null(DevSignInCookie.TryRead(Keys.DevSignIn, forged, Now));
        Assert.Null(DevSignInCookie.TryRead(Keys.DevSignIn, swapped, Now));
        Assert.Null(DevSignInCookie.TryRead(Keys.DevSignIn, body, Now));
        Assert.Null(DevSignInCookie.TryRead(Keys.DevSignIn, cookie, Now + DevSignInCookie.Lifetime));
    }

    [Fact]
    public void Antiforgery_IsValidForItsUserUntilItExpires()
    {
        var token = WorkspaceAntiforgery.Issue(Keys.Antiforgery, "dev:Ria", Now);

        Assert.True(WorkspaceAntiforgery.IsValid(Keys.Antiforgery, token, "dev:Ria", Now.AddMinutes(30)));
        Assert.False(WorkspaceAntiforgery.IsValid(Keys.Antiforgery, token, "dev:Other", Now));
        Assert.False(WorkspaceAntiforgery.IsValid(Keys.Antiforgery, token, "dev:Ria", Now + WorkspaceAntiforgery.Lifetime));
        Assert.False(WorkspaceAntiforgery.IsValid(Keys.DevSignIn, token, "dev:Ria", Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("%%%")]
    [InlineData("AAAA")]
    public void Antiforgery_Garbage_IsRefused(string? token) =>
        Assert.False(WorkspaceAntiforgery.IsValid(Keys.Antiforgery, token, "dev:Ria", Now));

    [Fact]
    public void Antiforgery_AlteredExpiry_IsRefused()
    {
        var token = WorkspaceAntiforgery.Issue(Keys.Antiforgery, "dev:Ria", Now);
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(token);
        bytes[7] ^= 0x40;

        Assert.False(WorkspaceAntiforgery.IsValid(Keys.Antiforgery, System.Buffers.Text.Base64Url.EncodeToString(bytes), "dev:Ria", Now));
    }

    [Fact]
    public void PurposeKeys_DifferFromEachOtherAndFromTheSecret()
    {
        Assert.NotEqual(Keys.Antiforgery, Keys.DevSignIn);
        Assert.Equal(Keys.Antiforgery, KeysFor("a-secret-of-at-least-thirty-two-bytes-0123456789").Antiforgery);
        Assert.Equal(32, Keys.Antiforgery.Length);
    }
}
