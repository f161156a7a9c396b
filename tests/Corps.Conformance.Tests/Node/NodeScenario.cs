using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Corps.Conformance.Tests.Node;

/// <summary>
/// One run of a scenario script in <c>tests/Conformance/scenarios</c> under <c>node</c>: the input goes in as the
/// first stdin line, JSON lines come back on stdout, the last one is the result.
/// </summary>
/// <remarks>
/// Every run has a deadline; when it passes, the node process (and only it) is killed and the run fails with what
/// the script printed so far. The script's stderr (the SDK's log) is kept for failure messages.
/// </remarks>
internal sealed class NodeScenario : IAsyncDisposable
{
    private static readonly TimeSpan _defaultTimeout = TimeSpan.FromSeconds(45);

    private readonly Process _process;
    private readonly CancellationTokenSource _deadline;
    private readonly StringBuilder _stderr = new();
    private readonly string _name;

    private NodeScenario(string name, Process process, TimeSpan timeout)
    {
        _name = name;
        _process = process;
        _deadline = new CancellationTokenSource(timeout);
        _deadline.Token.Register(Kill);
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    /// <summary>The folder of the Node project, fixed at build time.</summary>
    public static string NodeProjectDirectory { get; } = typeof(NodeScenario).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ConformanceNodeDir").Value!;

    /// <summary>Starts <paramref name="name"/>.js and sends it <paramref name="input"/>.</summary>
    public static async Task<NodeScenario> StartAsync(string name, object input, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var script = Path.Combine(NodeProjectDirectory, "scenarios", name + ".js");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"Conformance scenario '{name}' not found.", script);
        }

        var start = new ProcessStartInfo("node", [script])
        {
            WorkingDirectory = NodeProjectDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The conformance suite needs Node.js: 'node' was not found on PATH.", e);
        }

        var scenario = new NodeScenario(name, process, timeout ?? _defaultTimeout);
        await scenario.SendAsync(input, cancellationToken);
        return scenario;
    }

    /// <summary>Runs a one-shot scenario and returns its result, failing the test if the script failed.</summary>
    public static async Task<JsonElement> RunAsync(string name, object input, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        await using var scenario = await StartAsync(name, input, timeout, cancellationToken);
        return await scenario.ReadResultAsync(cancellationToken);
    }

    /// <summary>Sends one JSON line to the script.</summary>
    public async Task SendAsync(object message, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(message).AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
    }

    /// <summary>Reads the next JSON line the script prints.</summary>
    public async Task<JsonElement> ReadAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _deadline.Token);
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(linked.Token);
        }
        catch (OperationCanceledException) when (_deadline.IsCancellationRequested)
        {
            throw Failure("timed out");
        }

        if (line is null)
        {
            throw Failure(_deadline.IsCancellationRequested ? "timed out" : "ended without a result");
        }

        try
        {
            return JsonDocument.Parse(line).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw Failure($"printed a line that is not JSON ({e.Message}): {(line.Length > 2000 ? line[..2000] + "…" : line)}", e);
        }
    }

    /// <summary>Reads the final result; a result with <c>ok:false</c> fails with the script's error and log.</summary>
    public async Task<JsonElement> ReadResultAsync(CancellationToken cancellationToken)
    {
        var result = await ReadAsync(cancellationToken);
        if (!result.TryGetProperty("ok", out var ok) || !ok.GetBoolean())
        {
            throw Failure($"failed: {result}");
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The script is gone already; nothing left to tell it.
        }

        Kill();
        await _process.WaitForExitAsync(CancellationToken.None);
        await _deadline.CancelAsync();
        _deadline.Dispose();
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    private InvalidOperationException Failure(string what, Exception? inner = null)
    {
        string log;
        lock (_stderr)
        {
            log = _stderr.ToString();
        }

        const int tail = 4000;
        if (log.Length > tail)
        {
            log = "…" + log[^tail..];
        }

        return new InvalidOperationException($"Scenario '{_name}' {what}{Environment.NewLine}node stderr:{Environment.NewLine}{log}", inner);
    }
}
