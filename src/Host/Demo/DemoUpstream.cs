using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Corps.Emulator;
using Corps.Emulator.Options;

namespace Corps.Host.Demo;

/// <summary>
/// The demo's upstream: the Feishu emulator in-process with a generated organisation and a freshly installed app, and a
/// temporary element folder (<c>corps/Demo</c>) pointing the real Feishu corp type at it.
/// </summary>
/// <remarks>The app secret is random per run and reaches the element only as <c>${env:CORPS_DEMO_APP_SECRET}</c>,
/// resolved through <see cref="Environment"/>: it is never written to disk or printed.</remarks>
internal sealed class DemoUpstream : IAsyncDisposable
{
    public const string ElementName = "Demo";
    public const string SecretVariable = "CORPS_DEMO_APP_SECRET";

    private readonly string _secret;

    private DemoUpstream(EmulatorServer emulator, string appId, string secret, string root)
    {
        Emulator = emulator;
        AppId = appId;
        _secret = secret;
        Root = root;
    }

    /// <summary>The running emulator.</summary>
    public EmulatorServer Emulator { get; }

    /// <summary>The installed app's id.</summary>
    public string AppId { get; }

    /// <summary>The temporary folder holding <see cref="ElementsDirectory"/>.</summary>
    public string Root { get; }

    /// <summary>The elements directory with the one demo element.</summary>
    public string ElementsDirectory => Path.Combine(Root, "elements");

    /// <summary>Generates the organisation, starts the emulator on a free loopback port and writes the element.</summary>
    public static async Task<DemoUpstream> StartAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        var appId = "cli_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var emulator = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            Generate = new OrgGenerationOptions { Users = options.Users, Departments = options.EffectiveDepartments, Depth = options.Depth, Seed = options.Seed },
            Apps = [new AppOptions { AppId = appId, AppSecret = secret }],
            RateLimit = options.RateLimits ? RateLimitOptions.Realistic : RateLimitOptions.Off,
        }, cancellationToken).ConfigureAwait(false);
        var upstream = new DemoUpstream(emulator, appId, secret, Path.Combine(Path.GetTempPath(), "corps-demo-" + Guid.NewGuid().ToString("N")));
        try
        {
            upstream.WriteElement(options);
            return upstream;
        }
        catch
        {
            await upstream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The process environment with the demo app's secret added.</summary>
    public Func<string, string?> Environment(Func<string, string?> inner) =>
        name => name == SecretVariable ? _secret : inner(name);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Only the element files are there (no secret); the OS clears its temp folder eventually.
        }
    }

    private void WriteElement(DemoOptions options)
    {
        var folder = Path.Combine(ElementsDirectory, "corps", ElementName);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "e.json"), new JsonObject
        {
            ["title"] = "Demo Organization",
            ["type"] = "corps.FSInnerType",
        }.ToJsonString());
        var auth = new JsonObject
        {
            ["appId"] = AppId,
            ["appSecret"] = "${env:" + SecretVariable + "}",
            ["baseUrl"] = Emulator.BaseUrl.ToString(),
        };
        if (!options.RateLimits)
            auth["rateLimit"] = "off";
        File.WriteAllText(Path.Combine(folder, ElementName + ".json"), auth.ToJsonString());
    }
}
