namespace Corps.Host.Store;

/// <summary>The normalized keys a member is linked to a person by.</summary>
internal static class PersonKeys
{
    /// <summary>Trimmed and lower-cased; null when empty.</summary>
    public static string? Email(string? email)
    {
        var trimmed = email?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.ToLowerInvariant();
    }

    /// <summary>Digits and a leading plus only (<c>+86 138-0000 0000</c> → <c>+8613800000000</c>); null when empty.</summary>
    public static string? Mobile(string? mobile)
    {
        if (string.IsNullOrWhiteSpace(mobile))
            return null;
        var trimmed = mobile.Trim();
        var chars = new List<char>(trimmed.Length);
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsAsciiDigit(c) || (c == '+' && chars.Count == 0))
                chars.Add(c);
        }

        return chars.Count == 0 || (chars.Count == 1 && chars[0] == '+') ? null : new string([.. chars]);
    }
}
