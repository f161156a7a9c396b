using Microsoft.Extensions.Hosting;

namespace Corps.Host.Scheduling;

/// <summary>Schedules the corps when the host starts; registered before Quartz's own hosted service starts the scheduler.</summary>
internal sealed class CorpScheduleStarter(CorpScheduler scheduler) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => scheduler.ScheduleAllAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
