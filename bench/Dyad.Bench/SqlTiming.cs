using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace Dyad.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Dyad.Bench -- sql-timing STORE "SQL" ["SQL" ...]</c>: opens the DuckDB file
/// read-only (no migration, no rollup check) and times each statement: the first run, then the median of 3 repeats,
/// wall and process CPU milliseconds, with the rows it returned. For seeing what one query of the store costs.
/// </summary>
internal static class SqlTiming
{
    public static int Run(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("sql-timing: give STORE and one or more SQL statements");
            return 1;
        }
        using var connection = new DuckDBConnection("Data Source=" + Path.GetFullPath(args[1]) + ";ACCESS_MODE=READ_ONLY");
        connection.Open();
        foreach (var sql in args.Skip(2))
        {
            var (firstWall, firstCpu, rows) = Time(connection, sql);
            var repeats = Enumerable.Range(0, 3).Select(_ => Time(connection, sql)).OrderBy(t => t.Wall).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"first {firstWall,7:F0} ms wall {firstCpu,7:F0} ms CPU | repeat median {repeats[1].Wall,7:F0} ms wall {repeats[1].Cpu,7:F0} ms CPU | {rows} rows | {sql}"));
        }
        return 0;
    }

    private static (double Wall, double Cpu, long Rows) Time(DuckDBConnection connection, string sql)
    {
        double cpu = ProcessCpu.Milliseconds();
        var clock = Stopwatch.StartNew();
        long rows = 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read()) rows++;
        }
        return (clock.Elapsed.TotalMilliseconds, ProcessCpu.Milliseconds() - cpu, rows);
    }
}
