// The scenario benchmarks' helper. Each bench/run-<scenario>.sh calls one command and reads its JSON from stdout.
//   min-calls    --emulator URL                         the fewest Open API calls a full sync of the emulator's org needs
//   send-events  --target URL --emulator URL --status URL --encrypt-key K --token T --rate N --seconds S [--duplicates F]
//   store-apply  --emulator URL [--dir DIR] [--runs N]   the store's apply vs a plain bulk insert of the same rows
//   event-apply  --store FILE [--batch N] [--rounds N]     the store's event batches alone, on a copy of a kept events store
using Corps.Bench;

if (args.Length == 0 || args[0] is "--help" or "-h")
{
    Console.Error.WriteLine("usage: Corps.Bench min-calls|send-events|store-apply|event-apply [--option value]…  (see bench/README.md)");
    return 2;
}

var options = BenchArguments.Parse(args.AsSpan(1));
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return args[0] switch
{
    "min-calls" => await MinimumCalls.RunAsync(options, stop.Token),
    "send-events" => await EventSender.RunAsync(options, stop.Token),
    "store-apply" => await StoreApply.RunAsync(options, stop.Token),
    "event-apply" => await EventApply.RunAsync(options, stop.Token),
    _ => Fail($"unknown command '{args[0]}'"),
};

static int Fail(string message)
{
    Console.Error.WriteLine("Corps.Bench: " + message);
    return 2;
}
