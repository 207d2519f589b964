namespace Dyad.Tests;

/// <summary>
/// Locates the repository root and the shared data folder (<c>../shared/data</c> beside the repository).
/// Tests that need the shared data call <see cref="Require"/>, which skips them with a clear message when it is absent.
/// </summary>
internal static class SharedData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Absolute path of <c>../shared/data</c>, or null when this machine has only the project.</summary>
    public static string? Root { get; } = FindSharedRoot();

    public static bool Available => Root != null;

    /// <summary>Path of a file under the shared data folder; skips the calling test when the folder or file is missing.</summary>
    public static string Require(string relativePath)
    {
        Skip.If(Root == null, "../shared/data is not present on this machine; skipping a test that needs it.");
        var path = Path.Combine(Root!, relativePath);
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"shared data file {relativePath} is missing; skipping.");
        return path;
    }

    private static string FindRepositoryRoot() =>
        Dyad.Text.SourceCheckout.FindRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Cannot find Dyad.slnx above " + AppContext.BaseDirectory);

    private static string? FindSharedRoot()
    {
        var env = Environment.GetEnvironmentVariable("DYAD_SHARED_DATA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return Path.GetFullPath(env);
        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
