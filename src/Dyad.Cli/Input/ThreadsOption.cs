using System.CommandLine;

namespace Dyad.Cli.Input;

/// <summary>The <c>--threads</c> option of the commands that code documents on worker threads.</summary>
internal static class ThreadsOption
{
    public static Option<int> Create(string work)
    {
        var threads = new Option<int>("--threads")
        {
            Description = $"Worker threads for {work} (default: one per processor). Results do not depend on it.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError("--threads must be at least 1");
        });
        return threads;
    }
}
