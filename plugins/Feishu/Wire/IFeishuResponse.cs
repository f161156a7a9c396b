namespace Corps.Feishu.Wire;

/// <summary>What every Open API response carries, whatever its payload: the code, the message and error details.</summary>
public interface IFeishuResponse
{
    /// <summary>The upstream code; 0 is success.</summary>
    int Code { get; }

    /// <summary>The upstream message.</summary>
    string? Msg { get; }

    /// <summary>Error details (log id, missing permissions), when the call failed.</summary>
    FeishuErrorDetail? Error { get; }
}
