using Corps.Emulator;
using Corps.Emulator.Cli;
using Corps.Emulator.Org;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(CommandLine.Help);
    return 0;
}
var (options, exportOrg, error) = CommandLine.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("corps-emulator: " + error);
    return 2;
}
EmulatorServer server;
try
{
    server = await EmulatorServer.StartAsync(options).ConfigureAwait(false);
}
catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException)
{
    Console.Error.WriteLine("corps-emulator: " + ex.Message);
    return 2;
}
await using (server.ConfigureAwait(false))
{
    if (exportOrg is not null) OrgFile.Save(server.Org, exportOrg);
    // The emulator's app credentials are test fixtures of a fake tenant, printed so clients can be pointed at it.
    Console.WriteLine($"Feishu emulator listening on {server.BaseUrl}");
    Console.WriteLine($"Tenant: {server.Org.Tenant.Name} (tenant_key {server.Org.Tenant.TenantKey}), {server.Org.UserCount} users, {server.Org.DepartmentCount} departments");
    foreach (var app in options.Apps.Count > 0 ? options.Apps : [Corps.Emulator.Options.EmulatorOptions.DefaultApp])
        Console.WriteLine($"App: app_id={app.AppId} app_secret={app.AppSecret}");
    Console.WriteLine("Press Ctrl+C to stop.");
    var stop = new TaskCompletionSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.TrySetResult();
    };
    // SIGTERM (docker stop, kill, a test harness) stops it like Ctrl+C: the web host's own console lifetime takes that
    // signal over, so without this registration the process would stop serving but never exit.
    using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
    {
        context.Cancel = true;
        stop.TrySetResult();
    });
    AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
    await stop.Task.ConfigureAwait(false);
}
return 0;
