using System.Net;
using System.Net.Sockets;

namespace SocketCourse.Overview;

/// <summary>
/// The checks on a host: strict IPv4, IPv6 in brackets, and the rules for DNS host names.
/// Each returns null when the host is fine, or a sentence saying what is wrong.
/// </summary>
internal static class HostRules
{
    private const int MaxNameLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>A host whose last label is all digits can only be meant as an IPv4 address.</summary>
    public static bool LooksLikeIPv4(string host)
    {
        var lastLabel = host[(host.LastIndexOf('.') + 1)..];
        return lastLabel.Length > 0 && lastLabel.All(char.IsAsciiDigit);
    }

    /// <summary>Four decimal numbers 0–255, no leading zeros, nothing else (IPAddress.Parse alone accepts "1.2.3").</summary>
    public static IPAddress? ParseIPv4(string host, out string? problem)
    {
        var parts = host.Split('.');
        if (parts.Length != 4)
        {
            problem = $"an IPv4 address has exactly 4 numbers separated by dots; \"{host}\" has {parts.Length}";
            return null;
        }
        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length == 0)
                problem = $"number {i + 1} of \"{host}\" is empty";
            else if (!part.All(char.IsAsciiDigit))
                problem = $"\"{part}\" in \"{host}\" is not a decimal number";
            else if (part.Length > 1 && part[0] == '0')
                problem = $"\"{part}\" in \"{host}\" has a leading zero, which some parsers read as octal; write it without";
            else if (part.Length > 3 || int.Parse(part) > 255)
                problem = $"{part} in \"{host}\" is above 255: each of the 4 numbers is one byte, 0–255";
            else
            {
                bytes[i] = (byte)int.Parse(part);
                continue;
            }
            return null;
        }
        problem = null;
        return new IPAddress(bytes);
    }

    /// <summary>The text between brackets must be an IPv6 address; brackets are for IPv6 only.</summary>
    public static IPAddress? ParseIPv6(string host, out string? problem)
    {
        if (IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            problem = null;
            return address;
        }
        problem = host.Contains(':')
            ? $"\"{host}\" is not an IPv6 address (8 groups of up to 4 hex digits, with :: standing for a run of zero groups)"
            : $"brackets hold IPv6 addresses only; \"{host}\" is not one (write an IPv4 address or a name without brackets)";
        return null;
    }

    /// <summary>RFC 1123 host names: dot-separated labels of letters, digits and hyphens.</summary>
    public static string? HostNameProblem(string host)
    {
        if (host.Length > MaxNameLength)
            return $"a host name has at most {MaxNameLength} characters; this one has {host.Length}";
        foreach (var label in host.Split('.'))
        {
            if (label.Length == 0)
                return "a host name cannot have an empty label (a dot at the start or end, or two dots in a row)";
            if (label.Length > MaxLabelLength)
                return $"the label \"{label[..10]}…\" has {label.Length} characters; a label has at most {MaxLabelLength}";
            var bad = label.FirstOrDefault(c => !(char.IsAsciiLetterOrDigit(c) || c == '-'));
            if (bad != default)
                return char.IsAscii(bad)
                    ? $"'{bad}' is not allowed in a host name (only ASCII letters, digits, '-' and '.')"
                    : $"'{bad}' is not ASCII: an international name must be converted to its xn-- form first (System.Globalization.IdnMapping)";
            if (label[0] == '-' || label[^1] == '-')
                return $"the label \"{label}\" starts or ends with '-', which host names do not allow";
        }
        return null;
    }
}
