// Lesson 01 demo: which network interfaces (网络接口: network cards, Wi-Fi, VPNs, loopback) does this machine have, and which IP addresses
// does each carry? A server bound to 127.0.0.1 is reachable only through the loopback interface;
// one bound to 0.0.0.0 through every interface listed here.
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

NetworkInterface[] interfaces;
try
{
    interfaces = NetworkInterface.GetAllNetworkInterfaces();
}
catch (NetworkInformationException e)
{
    Console.Error.WriteLine($"Could not list the network interfaces: {e.Message}");
    return 1;
}

Console.WriteLine($"{interfaces.Length} network interface(s) on {Environment.MachineName}:");
foreach (var nic in interfaces.OrderBy(n => n.NetworkInterfaceType != NetworkInterfaceType.Loopback).ThenBy(n => n.Name, StringComparer.Ordinal))
{
    Console.WriteLine();
    Console.WriteLine($"{nic.Name}  ({Describe(nic.NetworkInterfaceType)}, {nic.OperationalStatus})");
    IPInterfaceProperties properties;
    try
    {
        properties = nic.GetIPProperties();
    }
    catch (NetworkInformationException e)
    {
        Console.WriteLine($"  (addresses unavailable: {e.Message})");
        continue;
    }
    var addresses = properties.UnicastAddresses.Select(a => a.Address).ToList();
    if (addresses.Count == 0)
        Console.WriteLine("  no IP addresses");
    foreach (var address in addresses)
        Console.WriteLine($"  {Family(address),-4}  {address,-40} {Kind(address)}");
}

Console.WriteLine();
Console.WriteLine("127.0.0.1 and ::1 never leave this machine; 0.0.0.0 and :: mean 'every address above' when a server binds them.");
return 0;

static string Describe(NetworkInterfaceType type) => type switch
{
    NetworkInterfaceType.Loopback => "loopback",
    NetworkInterfaceType.Ethernet => "Ethernet",
    NetworkInterfaceType.Wireless80211 => "Wi-Fi",
    NetworkInterfaceType.Tunnel => "tunnel",
    _ => type.ToString(),
};

static string Family(IPAddress address) =>
    address.AddressFamily == AddressFamily.InterNetwork ? "IPv4" : "IPv6";

static string Kind(IPAddress address) => address switch
{
    _ when IPAddress.IsLoopback(address) => "loopback: this machine only",
    _ when address.IsIPv6LinkLocal || IsIPv4LinkLocal(address) => "link-local: this network segment only",
    _ when IsPrivateIPv4(address) => "private: this network, behind a router",
    { IsIPv6UniqueLocal: true } => "unique local: this site only",
    _ => "",
};

static bool IsPrivateIPv4(IPAddress address)
{
    if (address.AddressFamily != AddressFamily.InterNetwork) return false;
    var b = address.GetAddressBytes();
    return b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168);
}

static bool IsIPv4LinkLocal(IPAddress address) =>
    address.AddressFamily == AddressFamily.InterNetwork && address.GetAddressBytes() is [169, 254, _, _];
