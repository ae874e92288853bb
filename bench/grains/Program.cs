using IceWatch.Bench.Grains;

// icewatch-bench-grains memory DATABASE FILE N    heap per active session grain: N sessions, each fed FILE, held at once
// icewatch-bench-grains long-session DATABASE     one session, 2 peer connections, a report every 5 s for an hour:
//                                                 CPU and time per report, first ten minutes against last
// icewatch-bench-grains step                      the pure part of the long session's steps, without storage
// The first two run a real silo (Orleans, PostgreSQL storage) in this process against DATABASE.
return args switch
{
    ["memory", var database, var file, var count] => await SiloBench.RunAsync(database, s => SessionMemory.MeasureAsync(s, file, int.Parse(count))),
    ["long-session", var database] => await SiloBench.RunAsync(database, LongSession.MeasureAsync),
    ["step"] => Print(StepCost.Measure()),
    _ => Usage(),
};

static int Print(string line)
{
    Console.WriteLine(line);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: icewatch-bench-grains memory DATABASE FILE N | long-session DATABASE");
    return 2;
}
