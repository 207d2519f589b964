using System.Collections.Concurrent;

namespace Dyad.Cli.Tests;

/// <summary>
/// The crash test every store kind passes: a real <c>dyad ingest</c> child process killed with SIGKILL after its
/// first committed batch, then run again to the end, beside an uninterrupted ingest of the same corpus. The store
/// kinds differ only in how they are named and inspected.
/// </summary>
internal static class KillResumeScenario
{
    public const int Documents = 96;
    public const int BatchSize = 8;

    /// <summary>
    /// Runs the scenario; <paramref name="inspectPartial"/> looks at the killed store before the resume and returns how
    /// many documents it holds. Returns that number, after checking it is a whole number of batches and that the resumed
    /// run stored exactly the rest.
    /// </summary>
    public static long Run(CliSandbox sandbox, string killedStore, string cleanStore, Func<long> inspectPartial)
    {
        var corpus = sandbox.Write("corpus.jsonl", StoreCliKit.Corpus(Documents));
        string[] Args(string store) => ["ingest", corpus, "--store", store, "--batch-size", BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), "--verbose", .. StoreCliKit.ModelArgs];

        // The uninterrupted reference runs alongside the one to be killed.
        var cleanLog = new ConcurrentQueue<string>();
        using var clean = StoreCliKit.Start(Args(cleanStore), cleanLog.Enqueue);
        var committed = new ManualResetEventSlim();
        var killedLog = new ConcurrentQueue<string>();
        using (var victim = StoreCliKit.Start(Args(killedStore), line =>
        {
            killedLog.Enqueue(line);
            if (line.StartsWith("dyad: committed", StringComparison.Ordinal)) committed.Set();
        }))
        {
            committed.Wait(TimeSpan.FromSeconds(120)).ShouldBeTrue("no batch committed: " + string.Join('\n', killedLog));
            victim.Kill(); // SIGKILL on Linux: no finally blocks, no flush, no checkpoint, no goodbye to a server
            victim.WaitForExit();
            killedLog.ShouldNotContain(l => l.StartsWith("dyad: stored", StringComparison.Ordinal), "the ingest finished before it was killed");
        }

        long storedAtKill = inspectPartial();
        storedAtKill.ShouldBeGreaterThan(0);
        storedAtKill.ShouldBeLessThan(Documents);
        (storedAtKill % BatchSize).ShouldBe(0); // whole batches only

        var resumeLog = new ConcurrentQueue<string>();
        using (var resume = StoreCliKit.Start(Args(killedStore), resumeLog.Enqueue))
        {
            StoreCliKit.Finish(resume, 180_000).ShouldBeTrue();
            resume.ExitCode.ShouldBe(0, string.Join('\n', resumeLog));
        }
        resumeLog.ShouldContain(l => l.Contains($"stored {Documents - storedAtKill} new documents ({storedAtKill} already stored)"), string.Join('\n', resumeLog));
        StoreCliKit.Finish(clean, 180_000).ShouldBeTrue();
        clean.ExitCode.ShouldBe(0, string.Join('\n', cleanLog));
        return storedAtKill;
    }
}
