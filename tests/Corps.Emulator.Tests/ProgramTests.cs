using System.Diagnostics;

namespace Corps.Emulator.Tests;

public sealed class ProgramTests
{
    [Fact]
    public async Task Program_Sigterm_ExitsPromptly()
    {
        var program = Path.Combine(AppContext.BaseDirectory, "Corps.Emulator.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { program, "--urls", "http://127.0.0.1:0" })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        try
        {
            var listening = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.StartsWith("Feishu emulator listening on http://127.0.0.1:", listening, StringComparison.Ordinal);

            Assert.Equal(0, Kill(process.Id, 15));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));

            Assert.True(process.HasExited);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
