using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace PulsePipeline.Workspace.Rendering;

/// <summary>
/// Renders a page component to HTML on the server (static SSR with <see cref="HtmlRenderer"/>; no interactivity, no
/// script). Components get everything through parameters, so the renderer's own services are only an encoder that
/// keeps accented letters readable while still escaping markup.
/// </summary>
public static class PageRenderer
{
    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
        .BuildServiceProvider();

    public static async Task<string> RenderAsync<TPage>(IDictionary<string, object?> parameters)
        where TPage : IComponent
    {
        await using var renderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return "<!DOCTYPE html>\n" + html;
    }
}
