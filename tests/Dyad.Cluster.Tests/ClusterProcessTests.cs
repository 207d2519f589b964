using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Dyad.Cli;
using Dyad.Cli.Tests;
using Dyad.Store;
using Dyad.Tests;

namespace Dyad.Cluster.Tests;

/// <summary>
/// The real thing on loopback: three <c>dyad cluster silo</c> processes (Redis membership, one PostgreSQL store),
/// <c>dyad cluster submit</c> as a fourth, and one silo killed with SIGKILL mid-run.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ClusterProcessTests(PostgresServer postgres) : IDisposable
{
    private readonly List<ChildProcess> _children = [];
    private readonly string _dir = ClusterTestKit.TempFolder();

    [SkippableFact]
    public async Task Three_silos_with_one_killed_mid_run_store_exactly_what_one_machine_ingests()
    {
        postgres.Require();
        using var redis = new RedisServer();
        redis.Require();
        var input = Path.Combine(_dir, "corpus.jsonl");
        File.WriteAllText(input, StoreCliKit.Corpus(96));
        var clusterStore = postgres.CreateDatabase();
        var singleStore = postgres.CreateDatabase();
        string clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];

        var gateways = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            int gateway = RedisServer.FreePort();
            gateways.Add($"127.0.0.1:{gateway}");
            _children.Add(ChildProcess.Start(["cluster", "silo", "--store", clusterStore, "--clustering", redis.Url,
                "--port", RedisServer.FreePort().ToString(), "--gateway-port", gateway.ToString(), "--cluster-id", clusterId,
                "--models", StoreCliKit.Models, "--ner-model", Path.Combine(StoreCliKit.Models, "en.ner.bin")]));
        }
        // Meanwhile, the single-machine reference.
        var reference = CliSandbox.Run(Program.BuildRoot(), ["ingest", input, "--store", singleStore, .. StoreCliKit.ModelArgs]);
        reference.ExitCode.ShouldBe(0, reference.Error);
        foreach (var silo in _children) await silo.WaitForOutput("dyad cluster silo:", TimeSpan.FromMinutes(3));

        var submit = ChildProcess.Start(["cluster", "submit", input, "--gateway", string.Join(',', gateways),
            "--cluster-id", clusterId, "--item-size", "2", "--progress-every", "0.1", "--no-progress"]);
        _children.Add(submit);
        // Kill the second silo with SIGKILL as soon as every silo holds items: on an idle machine the whole corpus is
        // acknowledged within a second or two, so waiting for acknowledgements could come too late to kill mid-run.
        await submit.WaitForError(InFlightOnAllSilos, TimeSpan.FromMinutes(4));
        _children[1].Kill();
        (await submit.WaitForExit(TimeSpan.FromMinutes(5))).ShouldBe(0, submit.Errors);

        var summary = submit.ErrorLines.Last();
        summary.ShouldContain("48/48 items acknowledged");
        Retried().Match(summary).Groups[1].Value.ShouldNotBe("0", submit.Errors);
        using (var cluster = EventStores.OpenQueryable(clusterStore, mustExist: true))
        using (var single = EventStores.OpenQueryable(singleStore, mustExist: true))
            ClusterTestKit.Snapshot(cluster).ShouldEqual(ClusterTestKit.Snapshot(single));

        var status = CliSandbox.Run(Program.BuildRoot(), ["cluster", "status", "--gateway", gateways[0], "--cluster-id", clusterId]);
        status.ExitCode.ShouldBe(0, status.Error);
        status.Output.ShouldContain("finished\t48\t48");
    }

    private static bool InFlightOnAllSilos(string line) => InFlight().IsMatch(line);

    [GeneratedRegex(@"dyad cluster: \d+/\d+ items acknowledged, [1-9]\d* in flight on 3 silos")]
    private static partial Regex InFlight();

    [GeneratedRegex(@"\((\d+) retried\)")]
    private static partial Regex Retried();

    public void Dispose()
    {
        foreach (var child in _children) child.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A dyad child process whose output lines are collected and can be waited for.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new(), _error = new();

    private ChildProcess(Process process) => _process = process;

    public static ChildProcess Start(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(StoreCliKit.DyadDll());
        foreach (var a in args) info.ArgumentList.Add(a);
        var child = new ChildProcess(new Process { StartInfo = info });
        child._process.OutputDataReceived += (_, e) => { if (e.Data is not null) child._output.Enqueue(e.Data); };
        child._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) child._error.Enqueue(e.Data); };
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    public IReadOnlyList<string> ErrorLines => _error.ToArray();

    public string Errors => string.Join('\n', _error);

    public Task WaitForOutput(string start, TimeSpan timeout) => WaitFor(_output, line => line.StartsWith(start, StringComparison.Ordinal), timeout);

    public Task WaitForError(Func<string, bool> match, TimeSpan timeout) => WaitFor(_error, match, timeout);

    private async Task WaitFor(ConcurrentQueue<string> lines, Func<string, bool> match, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!lines.Any(match))
        {
            if (_process.HasExited) throw new InvalidOperationException($"dyad exited with {_process.ExitCode}: {Errors}");
            if (clock.Elapsed > timeout) throw new TimeoutException($"no such line after {timeout}: {Errors}");
            await Task.Delay(100);
        }
    }

    public async Task<int> WaitForExit(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"dyad still running after {timeout}: {Errors}");
        }
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no goodbye to the cluster, no chance to finish the item in hand.</summary>
    public void Kill() => _process.Kill();

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
