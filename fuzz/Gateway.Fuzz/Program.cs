using Gateway.Fuzz;
using SharpFuzz;

// Usage: Gateway.Fuzz <target>                     run one target under afl-fuzz (or once, on stdin, without it)
//        Gateway.Fuzz <target> --replay <path>…    run every file (or every file in a folder) once, report each exception
//        Gateway.Fuzz --list                       the target names, one a line
if (args is ["--list"])
{
    foreach (var name in FuzzTargets.All.Keys)
    {
        Console.WriteLine(name);
    }

    return 0;
}

if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var create) || (args.Length > 1 && args[1] != "--replay"))
{
    Console.Error.WriteLine($"usage: Gateway.Fuzz <target> [--replay <path>…] | --list; targets: {string.Join(", ", FuzzTargets.All.Keys)}");
    return 2;
}

// Instrumented code writes its coverage to a map from its first line on: outside afl-fuzz (building the target,
// --replay) that is this throw-away map; under afl-fuzz, Fuzzer.Run swaps in afl's shared memory.
TraceMap.UseLocal();
var target = create();
if (args.Length > 1)
{
    return Replay.Run(target, args[2..]);
}

var input = new InputBuffer();
// Any exception that escapes is a crash to afl-fuzz: the parsers must turn every input into a refusal.
Fuzzer.Run(stream => target(input.Read(stream)));
return 0;
