using System.Diagnostics;
using Dyad.Tests;

namespace Dyad.Server.Tests;

/// <summary>
/// Runs browser/dashboard.test.mjs (Playwright driving headless Debian chromium) against the real server; skipped with
/// a clear message when chromium, node or the npm packages are absent. Screenshots go to artifacts/ at the repo root.
/// </summary>
[Collection("server")]
public sealed class BrowserTests(ServerFixture server)
{
    private const string Chromium = "/usr/bin/chromium";

    [SkippableFact]
    public async Task Dashboard_pages_work_in_headless_chromium()
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is missing (apt-get install -y chromium); skipping the browser test.");
        var node = FindOnPath("node");
        Skip.If(node is null, "node is not on PATH; skipping the browser test.");
        var browserDir = Path.Combine(SharedData.RepositoryRoot, "tests", "Dyad.Server.Tests", "browser");
        Skip.IfNot(Directory.Exists(Path.Combine(browserDir, "node_modules", "playwright-core")),
            "playwright-core is not installed (npm ci in tests/Dyad.Server.Tests/browser); skipping the browser test.");

        var start = new ProcessStartInfo(node!, "dashboard.test.mjs")
        {
            WorkingDirectory = browserDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DYAD_URL"] = server.Address.ToString().TrimEnd('/');
        start.Environment["DYAD_TOKEN"] = server.Token.Value;
        start.Environment["DYAD_ARTIFACTS"] = Path.Combine(SharedData.RepositoryRoot, "artifacts", "dashboard");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(420));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the browser test ran over 420 s:\n" + await output);
        }
        var report = await output + await errors;
        process.ExitCode.ShouldBe(0, report);
        report.ShouldContain("all checks passed");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
