using System.Text;
using System.Text.Json;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>An X-MS-CLIENT-PRINCIPAL header as App Service Authentication writes it for an Entra ID user.</summary>
internal static class PlatformPrincipal
{
    public static string Header(string objectId, string name, params string[] roles) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            claims = new[]
            {
                new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = objectId },
                new { typ = "name", val = name },
            }.Concat(roles.Select(r => new { typ = "roles", val = r })),
            name_typ = "name",
            role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
        })));
}
