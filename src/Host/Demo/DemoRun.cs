using Corps.Abstractions;
using Corps.Host.Cli;
using Corps.Host.Cli.Output;
using Spectre.Console;

namespace Corps.Host.Demo;

/// <summary>One <c>corps demo</c>: upstream up, store fresh, two syncs through the real plugin, the result shown.</summary>
internal sealed class DemoRun(CliContext context, DemoOptions options)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Step($"Generating an organisation of {options.Users} people in {options.EffectiveDepartments} departments (seed {options.Seed}) and starting the Feishu emulator…");
        var upstream = await DemoUpstream.StartAsync(options, cancellationToken).ConfigureAwait(false);
        await using (upstream.ConfigureAwait(false))
        {
            var org = upstream.Emulator.Org;
            var described = new DemoUpstreamDocument(upstream.Emulator.BaseUrl.ToString(), org.Tenant.Name, org.UserCount, org.DepartmentCount,
                org.Groups.Count, options.Seed, options.RateLimits);
            Step($"Emulator at {described.BaseUrl}: '{described.Tenant}', {described.Users} people, {described.Departments} departments, {described.Groups} groups; " +
                $"rate limits {(options.RateLimits ? "on (50/s, 1000/min per API)" : "off")}.");

            await DemoStore.PrepareAsync(options.StorePath, context.Time, cancellationToken).ConfigureAwait(false);
            Step($"Loading the plugins from {context.PluginsDirectory}; store: {options.StorePath}");
            var session = await CorpsSession.OpenAsync(context, upstream.ElementsDirectory, options.StorePath,
                upstream.Environment(context.Environment), openStore: true, cancellationToken).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                var corp = session.RequireCorp(DemoUpstream.ElementName);
                using var stats = new EmulatorCallStats(upstream.Emulator.BaseUrl);
                var full = await SyncAsync(corp, upstream, stats, "full sync", cancellationToken).ConfigureAwait(false);
                var local = await corp.GetLocalCorpDataAsync(cancellationToken).ConfigureAwait(false);
                var root = await corp.GetRootDeptAsync(cancellationToken).ConfigureAwait(false);
                var pool = Pool(local);
                var top = TopDepartments(local, root);
                var minimum = MinimumApiCalls.For(org);
                if (!context.Json)
                    DemoWriter.WriteFullSync(context, full, pool, root.Name, top, minimum);

                var second = await SyncAsync(corp, upstream, stats, "second sync, same organisation", cancellationToken).ConfigureAwait(false);
                var idempotent = second.Report.Outcome == SyncOutcome.Unchanged && second.Report.RowsWritten == 0;
                var document = new DemoDocument(options.StorePath, described, pool, full, second, minimum, root.Name, top,
                    idempotent ? ExitCodes.Ok : ExitCodes.Unexpected);
                if (context.Json)
                    context.WriteJson(document);
                else
                    DemoWriter.WriteSecondSync(context, document);
                if (!idempotent)
                    context.Error.WriteLine($"error: the second sync of an unchanged organisation wrote {second.Report.RowsWritten} rows ({second.Report.Outcome}); it should write none. Please report it.");
                return document.ExitCode;
            }
        }
    }

    private async Task<DemoSyncDocument> SyncAsync(ICorp corp, DemoUpstream upstream, EmulatorCallStats stats, string what, CancellationToken cancellationToken)
    {
        await stats.ResetAsync(cancellationToken).ConfigureAwait(false);
        var started = context.Time.GetTimestamp();
        var sync = corp.SyncCorpAsync(new SyncOptions { Trigger = "cli" }, cancellationToken);
        var text = $"Syncing {corp.FullName} ({what})…";
        SyncReport report;
        if (context.Interactive)
        {
            report = await context.Console.Status().StartAsync(Markup.Escape(text), async status =>
            {
                while (!sync.IsCompleted)
                {
                    await Task.WhenAny(sync, Task.Delay(200, cancellationToken)).ConfigureAwait(false);
                    status.Status(Markup.Escape($"{text} {upstream.Emulator.Statistics.TotalCalls} API calls, {context.Time.GetElapsedTime(started).TotalSeconds:0.0} s"));
                }

                return await sync.ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        else
        {
            context.Progress(text);
            report = await sync.ConfigureAwait(false);
        }

        var wall = context.Time.GetElapsedTime(started).TotalSeconds;
        return new DemoSyncDocument(report, await stats.ReadAsync(cancellationToken).ConfigureAwait(false), Math.Round(wall, 3));
    }

    private void Step(string line)
    {
        if (!context.Json)
            context.Output.WriteLine(line);
        else
            context.Error.WriteLine(line);
    }

    private static DemoPoolDocument Pool(LocalCorpData local) => new(
        local.Departments.Count(d => !d.IsDeleted && d.ExternalId != CorpSnapshot.RootExternalId),
        local.Members.Count(m => m.Status == MemberStatus.Active),
        local.Members.Count(m => m.Status != MemberStatus.Active),
        local.Members.Sum(m => m.Memberships.Count),
        local.Groups.Count);

    private static List<DemoDepartmentDocument> TopDepartments(LocalCorpData local, LocalDepartment root)
    {
        var live = local.Departments.Where(d => !d.IsDeleted).ToList();
        var children = live.Where(d => d.ParentId is not null).ToLookup(d => d.ParentId!.Value);
        var active = local.Members.Where(m => m.Status == MemberStatus.Active).ToList();

        IEnumerable<LocalDepartment> Below(LocalDepartment department) =>
            children[department.Id].SelectMany(child => Below(child).Prepend(child));

        return children[root.Id].OrderBy(d => d.Order).ThenBy(d => d.Name, StringComparer.Ordinal).Select(top =>
        {
            var subtree = Below(top).Select(d => d.Id).Append(top.Id).ToHashSet();
            var people = active.Count(m => m.Memberships.Any(ms => subtree.Contains(ms.DepartmentId)));
            return new DemoDepartmentDocument(top.ExternalId, top.Name, people, subtree.Count - 1);
        }).ToList();
    }
}
