namespace SocketCourse.Overview.Tests;

/// <summary>Step 3: the seven OSI layers folded onto the four TCP/IP layers.</summary>
[Trait("Lesson", "01")]
[Trait("Step", "3")]
public sealed class Step3_LayerModelsTests
{
    [Theory(DisplayName = "Each OSI layer maps onto a TCP/IP layer")]
    [InlineData(OsiLayer.Physical, TcpIpLayer.Link)]
    [InlineData(OsiLayer.DataLink, TcpIpLayer.Link)]
    [InlineData(OsiLayer.Network, TcpIpLayer.Internet)]
    [InlineData(OsiLayer.Transport, TcpIpLayer.Transport)]
    [InlineData(OsiLayer.Session, TcpIpLayer.Application)]
    [InlineData(OsiLayer.Presentation, TcpIpLayer.Application)]
    [InlineData(OsiLayer.Application, TcpIpLayer.Application)]
    public void Each_OSI_layer_maps_onto_a_TCP_IP_layer(OsiLayer osi, TcpIpLayer expected)
    {
        var actual = ProtocolLayers.ToTcpIp(osi);

        Assert.True(actual == expected,
            $"ToTcpIp({osi}, OSI {(int)osi}) returned {actual}, expected {expected}. TCP/IP folds OSI 1–2 into link, " +
            "keeps 3 as internet and 4 as transport, and folds 5–7 into application.");
    }

    [Theory(DisplayName = "ToTcpIp rejects a layer that does not exist")]
    [InlineData(0)]
    [InlineData(8)]
    public void ToTcpIp_rejects_a_layer_that_does_not_exist(int layer)
    {
        Expect.Throws<ArgumentOutOfRangeException>(() => ProtocolLayers.ToTcpIp((OsiLayer)layer),
            $"OSI has layers 1 to 7; {layer} is none of them");
    }
}
