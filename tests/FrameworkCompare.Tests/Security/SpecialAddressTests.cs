using System.Net;
using FrameworkCompare.Web.Outbound;

namespace FrameworkCompare.Tests.Security;

/// <summary>Every special-purpose range is named, IPv4 inside IPv6 included; public addresses of both families pass.</summary>
public sealed class SpecialAddressTests
{
    [Theory]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("0.1.2.3", "unspecified")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("10.255.255.255", "private")]
    [InlineData("100.64.0.0", "shared")]
    [InlineData("100.127.255.255", "shared")]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.255.254", "loopback")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.0.0.8", "protocol-assignment")]
    [InlineData("192.0.2.1", "documentation")]
    [InlineData("192.88.99.1", "relay anycast")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("198.18.0.1", "benchmarking")]
    [InlineData("198.51.100.7", "documentation")]
    [InlineData("203.0.113.9", "documentation")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("::", "unspecified")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:7f00:1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("::ffff:100.64.0.1", "shared")]
    [InlineData("::127.0.0.1", "reserved")] // IPv4-compatible, deprecated
    [InlineData("64:ff9b::7f00:1", "loopback")] // NAT64 to 127.0.0.1
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")] // NAT64 to 169.254.169.254
    [InlineData("64:ff9b:1::1", "reserved")]
    [InlineData("100::1", "reserved")]
    [InlineData("fc00::1", "unique-local")]
    [InlineData("fd00::1", "unique-local")]
    [InlineData("fd12:3456:789a::1", "unique-local")]
    [InlineData("fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "unique-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("febf::1", "link-local")]
    [InlineData("fec0::1", "site-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("2001::1", "protocol-assignment")] // Teredo
    [InlineData("2001:db8::1", "documentation")]
    [InlineData("2002:7f00:1::1", "6to4")]
    [InlineData("3fff::1", "documentation")]
    public void SpecialAddressesAreRefusedByKind(string address, string kind) =>
        Assert.Contains(kind, SpecialAddresses.KindOf(IPAddress.Parse(address)));

    [Theory]
    [InlineData("2130706433")] // decimal
    [InlineData("0177.0.0.1")] // octal
    [InlineData("0x7f000001")] // hex
    [InlineData("0x7f.1")]
    [InlineData("127.1")]
    public void EverySpellingOfLoopbackIsLoopback(string spelling) =>
        Assert.Equal("a loopback", SpecialAddresses.KindOf(IPAddress.Parse(spelling)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.215.14")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:80b::200e")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void PublicAddressesPass(string address) => Assert.Null(SpecialAddresses.KindOf(IPAddress.Parse(address)));
}
