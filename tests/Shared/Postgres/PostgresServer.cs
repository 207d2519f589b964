using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Dyad.Tests;

/// <summary>
/// A throwaway PostgreSQL server for tests: <c>initdb</c> into a temp folder, <c>pg_ctl start</c> on a free loopback
/// port (as the <c>postgres</c> user when the tests run as root, since the server refuses to run as root), and stop
/// plus delete on dispose. Share one per test project through <see cref="PostgresCollection"/>; each test takes a
/// fresh database from <see cref="CreateDatabase"/>. Without the PostgreSQL binaries, <see cref="Require"/> skips the
/// test and says why.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private static readonly string[] BinFolders = ["/usr/local/bin", "/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"];

    private readonly string? _folder;
    private readonly string? _pgCtl;
    private readonly bool _asPostgresUser;
    private int _databases;

    public PostgresServer()
    {
        var bin = BinFolders.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        if (bin is null)
        {
            Unavailable = "PostgreSQL's initdb and pg_ctl are not installed (apt-get install postgresql); skipping a PostgreSQL test.";
            return;
        }
        _pgCtl = Path.Combine(bin, "pg_ctl");
        _asPostgresUser = Environment.UserName == "root";
        _folder = Path.Combine(Path.GetTempPath(), "dyad-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var data = Path.Combine(_folder, "data");
        try
        {
            if (_asPostgresUser) Run("chown", ["postgres", _folder], asPostgres: false);
            Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], _asPostgresUser);
            // A port can be taken between choosing and binding it: try a few.
            for (int attempt = 0; ; attempt++)
            {
                Port = FreePort();
                var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off " +
                              "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60";
                try
                {
                    Run(_pgCtl, ["-D", data, "-l", Path.Combine(_folder, "server.log"), "-o", options, "-w", "-t", "60", "start"], _asPostgresUser);
                    break;
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Unavailable = "could not start a PostgreSQL server for the tests: " + e.Message + ServerLog();
            DeleteFolder();
        }
    }

    /// <summary>Why no server runs, or null when it does.</summary>
    public string? Unavailable { get; }

    public int Port { get; private set; }

    /// <summary>Skips the calling test when no server could be started.</summary>
    public void Require() => Skip.If(Unavailable is not null, Unavailable);

    /// <summary>A new empty database on the server; returns its <c>postgres://</c> URL. Skips when there is no server.</summary>
    public string CreateDatabase()
    {
        Require();
        var name = $"dyad_test_{Interlocked.Increment(ref _databases)}";
        using (var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false"))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }
        return $"postgres://postgres@127.0.0.1:{Port}/{name}";
    }

    public void Dispose()
    {
        if (_folder is null) return;
        if (Unavailable is null)
        {
            // Pooled connections of the tests would keep a "fast" shutdown waiting; the data is thrown away anyway.
            NpgsqlConnection.ClearAllPools();
            try { Run(_pgCtl!, ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], _asPostgresUser); }
            catch (InvalidOperationException) { }
        }
        DeleteFolder();
    }

    private void DeleteFolder()
    {
        try { Directory.Delete(_folder!, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private string ServerLog()
    {
        var log = Path.Combine(_folder!, "server.log");
        return File.Exists(log) ? "\n" + File.ReadAllText(log) : "";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a program to completion, through runuser as postgres when asked; throws with its output when it fails.</summary>
    private static void Run(string program, IReadOnlyList<string> args, bool asPostgres)
    {
        var info = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var a in (string[])["-u", "postgres", "--", program]) info.ArgumentList.Add(a);
        }
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish in two minutes");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {stderr.Trim()} {stdout.Result.Trim()}");
    }
}

/// <summary>The tests of one project that share a <see cref="PostgresServer"/> (xunit runs them one at a time).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
