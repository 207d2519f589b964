using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dyad.Tests;

namespace Dyad.Cli.Tests;

/// <summary>Helpers for the store command tests: a generated news corpus and running the built dyad as a child process.</summary>
internal static class StoreCliKit
{
    public static string Models => Path.Combine(SharedData.RepositoryRoot, "models");

    /// <summary>The model options every in-process coding command needs in tests.</summary>
    public static string[] ModelArgs => ["--models", Models, "--ner-model", Path.Combine(Models, "en.ner.bin"), "--no-progress"];

    private static readonly string[] Countries = ["Russia", "Ukraine", "China", "Germany", "Iran", "Pakistan", "India", "France", "Kenya", "Ethiopia"];
    private static readonly string[] Outlets = ["Harbor Daily", "Ridge Times", "Valley Wire", "Delta Post"];

    /// <summary>
    /// JSONL news: <paramref name="count"/> short reports, each of one of a few dozen events (actor pair, act, day),
    /// so different documents report the same event and the store has merging to do.
    /// </summary>
    public static string Corpus(int count)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            // 24 events, each reported by several documents that differ only in their closing words.
            int e = i % 24;
            var a = Countries[e % Countries.Length];
            var b = Countries[(e + 1 + e / Countries.Length) % Countries.Length];
            var day = new DateOnly(2024, 5, 1).AddDays(e % 6);
            string text = (e % 3) switch
            {
                0 => $"{a} criticized {b} on Tuesday over the detention of a journalist. Officials gave no details in report {i}.",
                1 => $"{a} expelled {b}'s diplomats on Tuesday, accusing them of spying. The ministry confirmed it in statement {i}.",
                _ => $"{a} signed an agreement with {b} on Tuesday to expand trade. Delegates described the talks in note {i}.",
            };
            var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["id"] = $"gen-{i:D4}", ["date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["source"] = Outlets[i % Outlets.Length], ["text"] = text,
            });
            sb.Append(json).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The dyad assembly built beside the tests (a project reference copies it here).</summary>
    public static string DyadDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "dyad.dll");
        if (File.Exists(beside)) return beside;
        var built = Path.Combine(SharedData.RepositoryRoot, "src", "Dyad.Cli", "bin", "Release", "net10.0", "dyad.dll");
        return File.Exists(built) ? built : throw new FileNotFoundException("dyad.dll is not built", beside);
    }

    /// <summary>Starts <c>dotnet dyad.dll args</c> with stderr lines delivered to <paramref name="onError"/>.</summary>
    /// <summary>
    /// Waits up to <paramref name="milliseconds"/> for the process to end, then for its redirected output to be read to
    /// the end: WaitForExit with a timeout can return before the last lines reach the handlers.
    /// </summary>
    public static bool Finish(Process process, int milliseconds)
    {
        if (!process.WaitForExit(milliseconds)) return false;
        process.WaitForExit();
        return true;
    }

    public static Process Start(IEnumerable<string> args, Action<string> onError)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(DyadDll());
        foreach (var a in args) info.ArgumentList.Add(a);
        var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onError(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }
}
