using System.Text;
using PulsePipeline.Models.Detection.Findings;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.Workspace.Rendering;

/// <summary>
/// What every component of a page may need: the language and its texts, who is signed in and how, the antiforgery
/// token for their forms, and links that keep the language (?lang=en is carried on every link).
/// </summary>
public sealed class PageContext(Language language, SignInState signIn, string? antiforgery, WorkspacePage? current, string path, IReadOnlyList<KeyValuePair<string, string>> query)
{
    public Language Language { get; } = language;

    public WorkspaceTexts Texts { get; } = WorkspaceTexts.For(language);

    public RegistryTexts Registry { get; } = RegistryTexts.For(language);

    /// <summary>How flags are named (new, since, explained), shared with the IPIM digest.</summary>
    public FindingTexts Findings { get; } = FindingTexts.For(language);

    public SignInState SignIn { get; } = signIn;

    public WorkspacePrincipal? User => SignIn.Principal;

    public string? Antiforgery { get; } = antiforgery;

    public WorkspacePage? Current { get; } = current;

    public string Lang => Language.Code();

    /// <summary>The page is the report file `pulse report` writes, read away from the workspace: no links to its pages.</summary>
    public bool IsFile { get; init; }

    /// <summary>A link to <paramref name="url"/> with the given query (null values left out) and the page's language.</summary>
    public string Href(string url, params (string Key, string? Value)[] parameters) =>
        Build(url, parameters.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!)), Language);

    public string Href(WorkspacePage page, params (string Key, string? Value)[] parameters) => Href(WorkspaceRoutes.For(page).Url, parameters);

    /// <summary>This very page in the other language.</summary>
    public string OtherLanguageHref => Build(path, query, Language == Language.Nl ? Language.En : Language.Nl);

    public Language OtherLanguage => Language == Language.Nl ? Language.En : Language.Nl;

    public string Format(double value, FigureKind kind) => FigureFormat.Format(value, kind, Language);

    private static string Build(string url, IEnumerable<KeyValuePair<string, string>> parameters, Language language)
    {
        var all = parameters.Where(p => p.Key != "lang").ToList();
        if (language == Language.En)
        {
            all.Add(new("lang", "en"));
        }

        var href = new StringBuilder(url);
        for (var i = 0; i < all.Count; i++)
        {
            href.Append(i == 0 ? '?' : '&').Append(Uri.EscapeDataString(all[i].Key)).Append('=').Append(Uri.EscapeDataString(all[i].Value));
        }

        return href.ToString();
    }
}
