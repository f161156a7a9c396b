using System.Globalization;
using Corps.Emulator.Options;

namespace Corps.Emulator.Cli;

/// <summary>Parses the emulator program's arguments into <see cref="EmulatorOptions"/> (hand-rolled: the grammar is flat).</summary>
internal static class CommandLine
{
    public const string Help = """
        Corps.Emulator — a Feishu/Lark Open Platform emulator (auth, contact v3, tenant, OAuth, events).

        Usage: dotnet run --project src/Emulator -- [options]

        Listening
          --urls URL                    http://127.0.0.1:PORT (default http://127.0.0.1:0 = any free port)
        Organisation (one of)
          --generate users=N,depts=M,seed=S[,depth=D][,groups=G]
                                        generate deterministically (default users=60,depts=8,seed=1,depth=3)
          --org FILE                    load an org file (format: docs/emulator.md)
          --export-org FILE             write the org (generated or loaded) to FILE in the same format
        Apps (default: one app with full scope and every contact permission)
          --app APP_ID:APP_SECRET       install a self-built app (repeatable; the first is the default app)
          --app-permissions APP_ID=P1,P2,...
                                        grant exactly these permissions (e.g. contact:user.base:readonly)
          --app-scope APP_ID=all|depts:ID|ID;users:ID|ID;groups:ID
                                        contact scope: all, or chosen departments (with subtrees), users, groups
        Tokens
          --token-lifetime DURATION     tenant/app token lifetime, e.g. 7200s, 120m, 2h (default 2h)
        Limits and faults
          --rate-limit off|realistic|N/s,M/min
                                        per API × app; realistic = 50/s and 1000/min (default off)
          --faults SPEC                 seed=7,5xx=10%,slow=5%:200ms,drop=1%,malformed=2%,storm=5%,
                                        page-token=3%,revoke-after=500
        Events
          --events-to URL               push contact events for the default app to URL (repeatable)
          --encrypt-key KEY             encrypt and sign pushed events with this Encrypt Key
          --verification-token TOKEN    put this Verification Token in header.token
          --event-duplicates RATE       deliver this share of events twice, e.g. 10%
          --events-out-of-order         deliver events in shuffled batches
          --time-factor F               scale the retry schedule 15s/5min/1h/6h, e.g. 0.001
          --help                        this text
        """;

    /// <summary>Parses; returns null and an error message on bad input.</summary>
    public static (EmulatorOptions? Options, string? ExportOrg, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions();
        var apps = new List<AppOptions>();
        var permissions = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var scopes = new Dictionary<string, ContactScopeOptions>(StringComparer.Ordinal);
        var eventUrls = new List<Uri>();
        string? encryptKey = null, verificationToken = null, exportOrg = null;
        double duplicates = 0;
        var outOfOrder = false;
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                var arg = args[i];
                string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{arg} needs a value.");
                switch (arg)
                {
                    case "--urls":
                        var url = new Uri(Value().Split(';')[0]);
                        options = options with { Host = url.Host == "localhost" ? "127.0.0.1" : url.Host, Port = url.Port };
                        break;
                    case "--generate":
                        options = options with { Generate = ParseGenerate(Value()) };
                        break;
                    case "--org":
                        options = options with { OrgFile = Value() };
                        break;
                    case "--export-org":
                        exportOrg = Value();
                        break;
                    case "--app":
                        var pair = Value();
                        var colon = pair.IndexOf(':', StringComparison.Ordinal);
                        if (colon <= 0 || colon == pair.Length - 1) throw new FormatException($"--app '{pair}': expected APP_ID:APP_SECRET.");
                        apps.Add(new AppOptions { AppId = pair[..colon], AppSecret = pair[(colon + 1)..] });
                        break;
                    case "--app-permissions":
                        var (pid, plist) = KeyValue(arg, Value());
                        permissions[pid] = plist.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                        break;
                    case "--app-scope":
                        var (sid, sspec) = KeyValue(arg, Value());
                        scopes[sid] = ParseScope(sspec);
                        break;
                    case "--token-lifetime":
                        options = options with { TokenLifetime = ParseDuration(Value()) };
                        break;
                    case "--rate-limit":
                        options = options with { RateLimit = RateLimitOptions.Parse(Value()) };
                        break;
                    case "--faults":
                        options = options with { Faults = FaultOptions.Parse(Value()) };
                        break;
                    case "--events-to":
                        eventUrls.Add(new Uri(Value()));
                        break;
                    case "--encrypt-key":
                        encryptKey = Value();
                        break;
                    case "--verification-token":
                        verificationToken = Value();
                        break;
                    case "--event-duplicates":
                        var d = Value().TrimEnd('%');
                        duplicates = double.Parse(d, CultureInfo.InvariantCulture) / 100;
                        break;
                    case "--events-out-of-order":
                        outOfOrder = true;
                        break;
                    case "--time-factor":
                        options = options with { TimeFactor = double.Parse(Value(), CultureInfo.InvariantCulture) };
                        break;
                    default:
                        throw new FormatException($"Unknown option '{arg}'; see --help.");
                }
            }
            if (apps.Count == 0) apps.Add(EmulatorOptions.DefaultApp);
            foreach (var id in permissions.Keys.Concat(scopes.Keys))
                if (apps.All(a => a.AppId != id)) throw new FormatException($"App '{id}' has permissions or a scope but no --app {id}:SECRET.");
            options = options with
            {
                Apps = [.. apps.Select(a => a with
                {
                    Permissions = permissions.TryGetValue(a.AppId, out var p) ? p : a.Permissions,
                    Scope = scopes.TryGetValue(a.AppId, out var s) ? s : a.Scope,
                })],
                EventTargets = [.. eventUrls.Select(u => new EventTargetOptions
                {
                    Url = u, EncryptKey = encryptKey, VerificationToken = verificationToken, DuplicateRate = duplicates, OutOfOrder = outOfOrder,
                })],
            };
            return (options, exportOrg, null);
        }
        catch (Exception ex) when (ex is FormatException or UriFormatException or OverflowException)
        {
            return (null, null, ex.Message);
        }
    }

    internal static OrgGenerationOptions ParseGenerate(string text)
    {
        var g = new OrgGenerationOptions();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, value) = KeyValue("--generate", part);
            var n = int.Parse(value, CultureInfo.InvariantCulture);
            g = key switch
            {
                "users" => g with { Users = n },
                "depts" or "departments" => g with { Departments = n },
                "seed" => g with { Seed = n },
                "depth" => g with { Depth = n },
                "groups" => g with { Groups = n },
                _ => throw new FormatException($"--generate: unknown key '{key}'; use users, depts, seed, depth, groups."),
            };
        }
        return g;
    }

    internal static ContactScopeOptions ParseScope(string text)
    {
        if (text.Equals("all", StringComparison.OrdinalIgnoreCase)) return ContactScopeOptions.All;
        var scope = new ContactScopeOptions();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) throw new FormatException($"--app-scope '{text}': expected all or depts:ID|ID;users:ID;groups:ID.");
            var ids = part[(colon + 1)..].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            scope = part[..colon] switch
            {
                "depts" or "departments" => scope with { DepartmentIds = ids },
                "users" => scope with { UserIds = ids },
                "groups" => scope with { GroupIds = ids },
                var k => throw new FormatException($"--app-scope: unknown part '{k}'; use depts, users, groups."),
            };
        }
        return scope;
    }

    internal static TimeSpan ParseDuration(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        double Number(int cut) => double.Parse(t[..^cut], CultureInfo.InvariantCulture);
        return t.EndsWith("ms", StringComparison.Ordinal) ? TimeSpan.FromMilliseconds(Number(2))
            : t.EndsWith('s') ? TimeSpan.FromSeconds(Number(1))
            : t.EndsWith('m') ? TimeSpan.FromMinutes(Number(1))
            : t.EndsWith('h') ? TimeSpan.FromHours(Number(1))
            : TimeSpan.FromSeconds(double.Parse(t, CultureInfo.InvariantCulture));
    }

    private static (string Key, string Value) KeyValue(string option, string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0) throw new FormatException($"{option} '{text}': expected KEY=VALUE.");
        return (text[..eq].Trim(), text[(eq + 1)..].Trim());
    }
}
