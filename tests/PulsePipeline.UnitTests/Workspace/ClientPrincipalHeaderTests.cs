using System.Text;
using System.Text.Json;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.UnitTests.Workspace;

public sealed class ClientPrincipalHeaderTests
{
    private const string RoleType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";
    private const string NameType = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";
    private const string ObjectId = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    internal static string Header(params (string Type, string Value)[] claims) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            claims = claims.Select(c => new { typ = c.Type, val = c.Value }),
            name_typ = NameType,
            role_typ = RoleType,
        })));

    [Fact]
    public void PlatformPrincipal_YieldsIdNameAndWorkspaceRoles_DroppingOthers()
    {
        var principal = ClientPrincipalHeader.TryParse(Header((ObjectId, "oid-1"), (NameType, "An de Vries"), (RoleType, WorkspaceRoles.Reader), (RoleType, "Other.Role")));

        Assert.NotNull(principal);
        Assert.Equal("oid-1", principal.Id);
        Assert.Equal("An de Vries", principal.Name);
        Assert.Equal([WorkspaceRoles.Reader], principal.Roles);
        Assert.True(principal.IsReader);
        Assert.False(principal.IsEditor);
    }

    [Fact]
    public void EditorRole_ImpliesReading()
    {
        var principal = ClientPrincipalHeader.TryParse(Header((ObjectId, "oid-2"), ("roles", WorkspaceRoles.Editor)))!;

        Assert.True(principal.IsReader);
        Assert.True(principal.Satisfies(WorkspaceAccess.Editor));
    }

    [Fact]
    public void SignedInWithoutRole_HasNoWorkspaceAccess()
    {
        var principal = ClientPrincipalHeader.TryParse(Header((ObjectId, "oid-3"), (NameType, "Manager")))!;

        Assert.False(principal.Satisfies(WorkspaceAccess.Reader));
        Assert.True(principal.Satisfies(WorkspaceAccess.Public));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("bm90IGpzb24=")] // "not json"
    [InlineData("eyJjbGFpbXMiOjF9")] // {"claims":1}
    public void MalformedHeader_CountsAsSignedOut(string header) => Assert.Null(ClientPrincipalHeader.TryParse(header));

    [Fact]
    public void PrincipalWithoutObjectId_CountsAsSignedOut() =>
        Assert.Null(ClientPrincipalHeader.TryParse(Header((NameType, "Nobody"), (RoleType, WorkspaceRoles.Editor))));

    [Theory]
    [InlineData("cli:demo")]
    [InlineData(" oid-1")]
    [InlineData("oid\n1")]
    public void AnObjectIdThatCannotBeTheAuditsStableId_CountsAsSignedOut(string id) =>
        Assert.Null(ClientPrincipalHeader.TryParse(Header((ObjectId, id), (NameType, "Mallory"), (RoleType, WorkspaceRoles.Editor))));
}
