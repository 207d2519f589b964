using BenchmarkDotNet.Running;

namespace Dyad.Bench;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "train-tagger") return TaggerTraining.Run(args);
        if (args.Length > 0 && args[0] == "time-tagger") return TaggerTiming.Run(args);
        if (args.Length > 0 && args[0] == "tagger-errors") return TaggerErrors.Run(args);
        if (args.Length > 0 && args[0] == "tag-text") return TagText.Run();
        if (args.Length > 0 && args[0] == "time-export") return ExportTiming.Run(args);
        if (args.Length > 0 && args[0] == "code-corpus") return CodeCorpus.Run(args);
        if (args.Length > 0 && args[0] == "code-stages") return CodeStageTiming.Run(args);
        if (args.Length > 0 && args[0] == "time-setting") return SettingTiming.Run(args);
        if (args.Length > 0 && args[0] == "serve-timing") return ServerTiming.Run(args);
        if (args.Length > 0 && args[0] == "store-queries") return StoreQueryTiming.Run(args);
        if (args.Length > 0 && args[0] == "store-ingest") return StoreIngestTiming.Run(args);
        if (args.Length > 0 && args[0] == "sql-timing") return SqlTiming.Run(args);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
