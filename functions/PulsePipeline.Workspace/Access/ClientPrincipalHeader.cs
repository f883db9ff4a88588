using System.Text;
using System.Text.Json;

namespace PulsePipeline.Workspace.Access;

/// <summary>
/// Reads App Service Authentication's X-MS-CLIENT-PRINCIPAL header: base64 JSON with auth_typ, claims [{typ, val}],
/// name_typ and role_typ. The platform sets it and strips it from client requests, so it is trusted only where the
/// platform's authentication is on (<see cref="WorkspaceAuthentication"/>); anything malformed counts as signed out.
/// </summary>
public static class ClientPrincipalHeader
{
    public const string Name = "X-MS-CLIENT-PRINCIPAL";

    private const int MaxLength = 32 * 1024;
    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    public static WorkspacePrincipal? TryParse(string? header)
    {
        if (string.IsNullOrEmpty(header) || header.Length > MaxLength)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var nameType = Text(root, "name_typ") ?? "name";
            var roleType = Text(root, "role_typ") ?? "roles";
            var pairs = claims.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object)
                .Select(c => (Type: Text(c, "typ"), Value: Text(c, "val")))
                .Where(c => c.Type is not null && !string.IsNullOrWhiteSpace(c.Value))
                .ToList();
            string? First(params string[] types) => types.Select(t => pairs.FirstOrDefault(p => p.Type == t).Value).FirstOrDefault(v => v is not null);

            // The object id is the audit's stable id: it must be one (Entra's are GUIDs) and never a command-line actor's.
            var id = First(ObjectIdClaim, "oid");
            if (!Models.Identifiers.Identifier.IsValid(id) || Models.Audit.AuditActors.IsReserved(id))
            {
                return null;
            }

            var name = First(nameType, "name", "preferred_username") ?? id!;
            var roles = pairs.Where(p => p.Type == roleType || p.Type == "roles").Select(p => p.Value!);
            return WorkspacePrincipal.Create(id!, name, roles);
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
