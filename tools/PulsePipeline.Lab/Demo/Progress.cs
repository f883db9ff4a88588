namespace PulsePipeline.Lab.Demo;

/// <summary>
/// A progress line for long steps: redrawn in place on a terminal, printed every few seconds into a log
/// (CI), and always printed once when the step ends.
/// </summary>
internal sealed class Progress(string label)
{
    private static readonly bool Interactive = !Console.IsOutputRedirected;
    private DateTime lastPrinted = DateTime.MinValue;

    public void Report(string status)
    {
        if (Interactive)
        {
            Console.Write($"\r  {label}: {status}".PadRight(78));
        }
        else if (DateTime.UtcNow - lastPrinted > TimeSpan.FromSeconds(5))
        {
            Console.WriteLine($"  {label}: {status}");
            lastPrinted = DateTime.UtcNow;
        }
    }

    public void Done(string status)
    {
        if (Interactive)
        {
            Console.Write('\r');
        }

        Console.WriteLine($"  {label}: {status}".PadRight(Interactive ? 78 : 0));
    }
}
