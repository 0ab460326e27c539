using ScottPlot;

namespace SocketCourse.Lessons.AsyncAndScale.Load;

/// <summary>The comparison as one picture: four bar charts side by side, one bar per design.</summary>
public static class Chart
{
    public static void Save(Comparison c, string path)
    {
        var names = c.Designs.Select(d => d.Design switch
        {
            "python-threading" => "Python\nthreads",
            "csharp-thread-per-client" => "C# thread\nper client",
            "csharp-async" => "C# async",
            var other => other,
        }).ToArray();
        var panels = new (string Title, Func<DesignResult, double> Value)[]
        {
            ($"server threads, {c.Settings.HoldClients:N0} idle clients", d => d.Hold.Server?.ThreadsPeak ?? 0),
            ("KB of RSS per idle client", d => d.Hold.KbPerConnection ?? 0),
            ($"p99 latency (ms), {c.Settings.EchoConcurrency:N0} clients", d => Finite(d.Echo.Latency.P99Ms)),
            ("echo round trips per second", d => d.Echo.RoundTripsPerSecond),
        };
        var multiplot = new Multiplot();
        multiplot.AddPlots(panels.Length);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        for (var i = 0; i < panels.Length; i++)
        {
            var plot = multiplot.GetPlot(i);
            var values = c.Designs.Select(panels[i].Value).ToArray();
            var bars = plot.Add.Bars(values);
            foreach (var bar in bars.Bars) bar.Label = bar.Value >= 100 || bar.Value == Math.Round(bar.Value) ? $"{bar.Value:N0}" : $"{bar.Value:0.0}";
            bars.ValueLabelStyle.FontSize = 14;
            plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, names.Length).Select(x => (double)x)], names);
            plot.Axes.Margins(bottom: 0, top: 0.2);
            plot.Title(panels[i].Title, size: 14);
        }
        multiplot.SavePng(path, 1600, 450);
    }

    private static double Finite(double x) => double.IsFinite(x) ? x : 0;
}
