using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PulsePipeline.Models.Roster;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Invitations;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Lab.Demo;

/// <summary>
/// The demo's ending: one more wave left open, a survey link to answer oneself and the workspace's sign-in, and the
/// local host kept running until Ctrl+C, so a newcomer can be an employee and then IPIM within a minute.
/// </summary>
internal static class DemoOpenEnd
{
    public static async Task<int> RunAsync(WebApplication host, string waveId, RosterEmployee employee, string url, CancellationToken cancellationToken)
    {
        var wave = await host.Services.GetRequiredService<OpenWaveStep>().OpenAsync(waveId, cancellationToken);
        var options = host.Services.GetRequiredService<IOptions<PulseOptions>>().Value;
        var token = SurveyTokens.Derive(Encoding.UTF8.GetBytes(options.TokenSecret), waveId, employee.Id);
        Console.WriteLine();
        Console.WriteLine($"Wave {waveId} is open ({wave?.Invited ?? 0} invitations on their way to smtp4dev). Try it yourself:");
        Console.WriteLine($"  as an employee   {SurveyLink.For(options.SurveyBaseUrl, token, employee.Language)}");
        Console.WriteLine($"                   (the link of simulated employee {employee.Id}; it works once)");
        Console.WriteLine($"  as IPIM          {url}/ipim/signin  (development sign-in: any name, role IPIM.Reader or IPIM.Editor)");
        Console.WriteLine("The local host keeps running; press Ctrl+C to stop it.");
        // Ctrl+C reaches the host's console lifetime, which asks the application to stop rather than cancelling the
        // command's token; wait for whichever comes first.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine($"Ctrl+C: stopping the local host. Wave {waveId} stays open in storage; the services keep running (`./pulse services stop` stops them).");
        }

        return 0;
    }
}
