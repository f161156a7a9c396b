namespace Corps.Host.Scheduling;

/// <summary>How <c>corps serve</c> schedules full syncs.</summary>
public sealed class ScheduleOptions
{
    /// <summary>The Quartz cron used when an element has no <c>schedule</c>: every hour, on the hour.</summary>
    public const string HourlyCron = "0 0 * * * ?";

    /// <summary>The cron for elements without a <c>schedule</c> (Quartz syntax, seconds first). Default <see cref="HourlyCron"/>.</summary>
    public string DefaultCron { get; set; } = HourlyCron;

    /// <summary>The time zone crons are read in. Default: the machine's local zone.</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Local;
}
